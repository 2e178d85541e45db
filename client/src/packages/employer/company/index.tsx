import { UnderConstruction } from '../../../components/UnderConstruction';

export default function CompanyPage() {
  return (
    <UnderConstruction
      title="企业信息"
      summary="在这里填写和维护单位的基本信息与联系人，审核通过后即可发布岗位。"
    />
  );
}
