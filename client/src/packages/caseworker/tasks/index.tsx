import { UnderConstruction } from '../../../components/UnderConstruction';

export default function TasksPage() {
  return (
    <UnderConstruction
      title="待办工单"
      summary="这里会汇总需要您处理的求助和待办事项，按截止时间排列。"
    />
  );
}
