import { UnderConstruction } from '../../../components/UnderConstruction';

export default function UnassignedPage() {
  return <UnderConstruction title="待分配人员" summary="为尚未分配包保责任人的人员指定责任人。" />;
}
