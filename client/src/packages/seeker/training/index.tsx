import { UnderConstruction } from '../../../components/UnderConstruction';

export default function TrainingPage() {
  return (
    <UnderConstruction
      title="职业培训"
      summary="这里会列出近期开班的免费职业技能培训，可以在线报名并查看培训安排。"
    />
  );
}
