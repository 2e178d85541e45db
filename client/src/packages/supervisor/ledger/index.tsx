import { UnderConstruction } from '../../../components/UnderConstruction';

export default function LedgerPage() {
  return (
    <UnderConstruction
      title="统计台账"
      summary="这里会按月汇总失业登记、岗位推荐、职业培训和实现就业的台账数据。"
    />
  );
}
