import { UnderConstruction } from '../../../components/UnderConstruction';

export default function VisitsTodayPage() {
  return (
    <UnderConstruction
      title="今日回访"
      summary="这里会列出今天需要联系回访的包保对象，回访后可以直接记录结果。"
    />
  );
}
