import { UnderConstruction } from '../../../components/UnderConstruction';

export default function WorkloadPage() {
  return (
    <UnderConstruction
      title="工作量"
      summary="这里会展示各包保责任人的服务人数、回访次数和工单处理情况。"
    />
  );
}
