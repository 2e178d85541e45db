import { UnderConstruction } from '../../../components/UnderConstruction';

export default function JobsPage() {
  return (
    <UnderConstruction
      title="推荐岗位"
      summary="这里会列出根据您的求职意向和所在乡镇（街道）推荐的岗位，可以直接报名应聘。"
    />
  );
}
