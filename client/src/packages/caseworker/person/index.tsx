import { UnderConstruction } from '../../../components/UnderConstruction';

export default function PersonPage() {
  return <UnderConstruction title="包保对象详情" summary="查看一名包保对象的详情。" />;
}
