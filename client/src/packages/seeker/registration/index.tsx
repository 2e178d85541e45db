import { UnderConstruction } from '../../../components/UnderConstruction';

export default function RegistrationPage() {
  return (
    <UnderConstruction
      title="失业登记"
      summary="在这里填写个人信息和求职意向，办理失业登记，登记后即可享受免费的就业服务。"
    />
  );
}
