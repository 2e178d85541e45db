import { UnderConstruction } from '../../../components/UnderConstruction';

export default function ApplicationsPage() {
  return (
    <UnderConstruction
      title="应聘管理"
      summary="这里会列出求职者对您单位岗位的应聘，可以查看简历并反馈结果。"
    />
  );
}
