import { UnderConstruction } from '../../../components/UnderConstruction';

export default function HelpRequestsPage() {
  return (
    <UnderConstruction
      title="我的求助"
      summary="遇到就业方面的困难，可以在这里向您的包保责任人求助，并查看处理进度。"
    />
  );
}
