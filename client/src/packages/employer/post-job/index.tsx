import { UnderConstruction } from '../../../components/UnderConstruction';

export default function PostJobPage() {
  return (
    <UnderConstruction
      title="发布岗位"
      summary="在这里填写岗位名称、薪资、工作地点和招聘人数，提交审核后向求职者展示。"
    />
  );
}
