/**
 * 企业信息: a WeChat user without a company chooses between registering a new company and
 * joining one already on the service with a colleague's invitation code. With a company: its
 * details and verification status, the named service staff member of a key enterprise, and the
 * way to its vacancies and colleagues. A company that did not pass verification says what to do
 * next — the owner corrects it and submits it again — and how to reach the 市场服务中心.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

import { ORG_SERVICE_PHONES, type CompanyView } from '@nuanxin/shared';

import { ErrorState, LoadingState } from '../../../components/PageStatus';
import { call, type CallOutput } from '../../../services/cloud';
import { industryLabel } from '../components/labels';

import { CompanyForm } from './CompanyForm';
import { JoinForm } from './JoinForm';

import '../components/employer.less';

type Mine = CallOutput<'employer', 'myCompany'>;
type Load =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; mine: Mine };
type Choice = 'register' | 'join' | null;

/** The 市场服务中心's public service number (not a staff member's own). */
const MARKET_PHONE = ORG_SERVICE_PHONES.market;

const COMPANY_STATUS_HINT: Record<CompanyView['status'], string> = {
  pending: '市场服务中心正在核验单位信息，审核通过后岗位才会公开。',
  verified: '单位信息已核验，岗位提交后即可公开。',
  rejected: '单位信息未通过核验，岗位暂时不会公开。',
};

/** What a company that did not pass verification does next. */
function NextSteps({ owner, onEdit }: { owner: boolean; onEdit: () => void }) {
  return (
    <View className="emp-next" id="company-next-steps">
      <Text className="emp-next__title">接下来怎么做</Text>
      <Text className="emp-next__line">
        {owner
          ? '1. 对照营业执照，按上面的原因修改单位信息，重新提交核验。核验通过后，已提交的岗位随之公开。'
          : '1. 请本单位负责人对照营业执照修改单位信息，重新提交核验。'}
      </Text>
      <Text className="emp-next__line">
        2. 有疑问请致电市场服务中心：
        <Text
          className="emp-next__phone"
          id="company-market-phone"
          onClick={() =>
            void Taro.makePhoneCall({ phoneNumber: MARKET_PHONE }).catch(() => undefined)
          }
        >
          {MARKET_PHONE}
        </Text>
      </Text>
      {owner ? (
        <View className="emp-card__wide">
          <Button type="primary" round block id="company-resubmit" onClick={onEdit}>
            修改单位信息，重新提交核验
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function CompanyCard({ company, children }: { company: CompanyView; children?: ReactNode }) {
  return (
    <View className="emp-card" id="company-card">
      <View className="emp-card__head">
        <Text className="emp-card__title">{company.name}</Text>
        <Text className={`emp-status emp-status--${company.status}`} id="company-status">
          {company.statusLabel}
        </Text>
      </View>
      <Text className="emp-card__hint" id="company-status-hint">
        {COMPANY_STATUS_HINT[company.status]}
      </Text>
      {company.rejectReason ? (
        <Text className="emp-card__reject" id="company-reject-reason">
          原因：{company.rejectReason}
        </Text>
      ) : null}
      <Text className="emp-card__row">统一社会信用代码：{company.uscc}</Text>
      <Text className="emp-card__row">所属行业：{industryLabel(company.industry)}</Text>
      <Text className="emp-card__row">
        地址：{company.townshipLabel} {company.address}
      </Text>
      <Text className="emp-card__row">
        联系人：{company.contactName} {company.contactMobile}
      </Text>
      {children}
    </View>
  );
}

function Choose({ onChoose }: { onChoose: (choice: Choice) => void }) {
  return (
    <View className="emp-page" id="company-choose">
      <Text className="emp-form__intro">
        您的微信还没有关联用人单位。本单位第一次使用，请登记新单位；单位已经入驻，请向单位负责人索要邀请码加入。
      </Text>
      <View className="emp-card emp-choice" onClick={() => onChoose('register')}>
        <Text className="emp-card__title">登记新单位</Text>
        <Text className="emp-card__row">
          填写营业执照上的单位名称、统一社会信用代码等，市场服务中心核验后岗位即可公开。
        </Text>
        <View className="emp-card__wide">
          <Button type="primary" round block id="company-choose-register">
            登记新单位
          </Button>
        </View>
      </View>
      <View className="emp-card emp-choice" onClick={() => onChoose('join')}>
        <Text className="emp-card__title">用邀请码加入已入驻的单位</Text>
        <Text className="emp-card__row">
          单位已经有同事在用：请单位负责人在“单位同事”页面生成邀请码。
        </Text>
        <View className="emp-card__wide">
          <Button plain round block id="company-choose-join">
            用邀请码加入
          </Button>
        </View>
      </View>
    </View>
  );
}

export default function CompanyPage() {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const [choice, setChoice] = useState<Choice>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const mine = await call('employer', 'myCompany', {});
    setState(
      mine.ok ? { kind: 'ready', mine: mine.data } : { kind: 'error', message: mine.error.message },
    );
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'error') {
    return <ErrorState message={state.message} onRetry={() => void load()} />;
  }
  const { company, serviceStaff, myRole } = state.mine;
  if (!company) {
    if (choice === 'register') {
      return (
        <CompanyForm
          onRegistered={(registered) =>
            setState({
              kind: 'ready',
              mine: { company: registered, myRole: 'owner', serviceStaff: null, today: '' },
            })
          }
        />
      );
    }
    if (choice === 'join') {
      return (
        <JoinForm
          onJoined={() => {
            void Taro.showToast({ title: '已加入单位', icon: 'success' });
            void load();
          }}
        />
      );
    }
    return <Choose onChoose={setChoice} />;
  }

  if (editing) {
    return (
      <CompanyForm
        initial={company}
        onCancel={() => setEditing(false)}
        onRegistered={(saved) => {
          setEditing(false);
          setState({ kind: 'ready', mine: { ...state.mine, company: saved } });
          void Taro.showToast({
            title: company.status === 'rejected' ? '已重新提交核验' : '已保存',
            icon: 'success',
          });
        }}
      />
    );
  }

  const owner = myRole === 'owner';
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View className="emp-page">
      <CompanyCard company={company}>
        {company.status === 'rejected' ? (
          <NextSteps owner={owner} onEdit={() => setEditing(true)} />
        ) : null}
      </CompanyCard>
      {serviceStaff ? (
        <View className="emp-card emp-card--staff" id="company-service-staff">
          <Text className="emp-card__title">您的专属服务专员：{serviceStaff.name}</Text>
          <Text className="emp-card__row">
            本单位是重点企业，市场服务中心的{serviceStaff.name}
            负责为本单位提供招聘服务，有用工需求可以随时联系。
          </Text>
        </View>
      ) : null}
      <View className="emp-page__action emp-page__buttons">
        <Button
          type="primary"
          round
          block
          id="company-post-job"
          onClick={go('/packages/employer/post-job/index')}
        >
          发布岗位
        </Button>
        <View className="emp-page__gap" />
        <Button
          plain
          round
          block
          id="company-vacancies"
          onClick={go('/packages/employer/vacancies/index')}
        >
          我的岗位
        </Button>
        <View className="emp-page__gap" />
        <Button
          plain
          round
          block
          id="company-colleagues"
          onClick={go('/packages/employer/colleagues/index')}
        >
          {myRole === 'owner' ? '单位同事（邀请同事加入）' : '单位同事'}
        </Button>
        {company.status === 'pending' && owner ? (
          <>
            <View className="emp-page__gap" />
            <Button plain round block id="company-edit" onClick={() => setEditing(true)}>
              修改单位信息
            </Button>
          </>
        ) : null}
      </View>
    </View>
  );
}
