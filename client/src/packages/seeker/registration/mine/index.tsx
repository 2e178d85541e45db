import { UnderConstruction } from '../../../../components/UnderConstruction';

export default function MyRegistrationPage() {
  return <UnderConstruction title="我的登记信息" summary="查看、更正、导出您的登记信息。" />;
}
