/**
 * The vacancy card and detail that seekers read and employers preview: salary, place, flags and
 * requirements in plain words; empty requirements read as "不限", not as blanks.
 */
import { render } from '@testing-library/react';

import { VacancyCard } from '../../src/components/VacancyCard';
import { VacancyDetail, type VacancyDetailData } from '../../src/components/VacancyDetail';

const base: VacancyDetailData = {
  title: '仓库包装工',
  companyName: '济宁示例物流有限公司',
  salaryMin: 3500,
  salaryMax: 4500,
  workTypeLabel: '全职',
  townshipLabel: '任城区 许庄街道',
  occupationName: '包装工',
  headcount: 3,
  flags: { publicWelfare: false, internship: false, assistance: true, disabilityFriendly: false },
  validUntil: '2026-12-31',
  description: '负责成品打包、贴标和装箱。',
  requirements: '能适应倒班。',
  benefits: '',
};

describe('VacancyCard', () => {
  it('shows the salary range, the place, the headcount and only the flags that are set', () => {
    const { container } = render(<VacancyCard vacancy={base} reasons={['薪资符合期望']} />);
    const text = container.textContent ?? '';
    expect(text).toContain('3500-4500元/月');
    expect(text).toContain('任城区 许庄街道');
    expect(text).toContain('招3人');
    expect(text).toContain('援助岗位');
    expect(text).not.toContain('公益性岗位');
    expect(text).toContain('薪资符合期望');
  });

  it('shows one figure when the salary is fixed', () => {
    const { container } = render(
      <VacancyCard vacancy={{ ...base, salaryMin: 4000, salaryMax: 4000 }} />,
    );
    expect(container.textContent).toContain('4000元/月');
    expect(container.textContent).not.toContain('4000-4000');
  });
});

describe('VacancyDetail', () => {
  it('reads missing requirements as 不限 and leaves out empty sections', () => {
    const { container } = render(<VacancyDetail vacancy={base} />);
    const text = container.textContent ?? '';
    expect(text).toContain('学历：不限');
    expect(text).toContain('经验：不限，欢迎新手');
    expect(text).toContain('岗位职责');
    expect(text).not.toContain('福利待遇');
  });

  it('states education, experience and certificates when required', () => {
    const { container } = render(
      <VacancyDetail
        vacancy={{
          ...base,
          minEducationLabel: '高中',
          minExperienceYears: 2,
          certificates: ['叉车证'],
          benefits: '五险一金',
        }}
      />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('学历：高中');
    expect(text).toContain('经验：2年及以上');
    expect(text).toContain('需持证书：叉车证');
    expect(text).toContain('福利待遇五险一金');
  });
});
