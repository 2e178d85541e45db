import type { PropsWithChildren } from 'react';

import './app.less';

// No work at launch: the cloud is initialised on the first call and each page loads its own
// data, so the first screen appears as early as possible.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
