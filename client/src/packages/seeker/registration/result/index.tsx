import { UnderConstruction } from '../../../../components/UnderConstruction';

export default function RegistrationResultPage() {
  return <UnderConstruction title="登记结果" summary="查看登记结果和您的包保责任人。" />;
}
