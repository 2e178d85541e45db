import { UnderConstruction } from '../../../../components/UnderConstruction';

export default function RegistrationFormPage() {
  return <UnderConstruction title="填写失业登记" summary="分步填写失业登记信息。" />;
}
