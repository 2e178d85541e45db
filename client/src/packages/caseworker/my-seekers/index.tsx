import { UnderConstruction } from '../../../components/UnderConstruction';

export default function MySeekersPage() {
  return (
    <UnderConstruction
      title="我的包保对象"
      summary="这里会列出由您负责帮扶的求职者，以及每个人的登记、推荐和就业情况。"
    />
  );
}
