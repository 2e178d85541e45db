/**
 * Step 1 — who the citizen is and where they live. The ID number is checked when the field is
 * left (and cleared as soon as it becomes right); once valid, sex and birth date are shown so a
 * typo in the middle of the number shows itself, and men get their retirement category without
 * being asked.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import {
  dateKey,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  HUKOU_TYPE_LABELS,
  HUKOU_TYPES,
  RETIREMENT_CATEGORY_LABELS,
  townshipLabel,
} from '@nuanxin/shared';

import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ChipsBox, FormField, TextBox } from '../../../../components/FormField';
import { TownshipSelect } from '../../../../components/TownshipSelect';
import { DateField, formatDay } from '../../components/DateField';
import {
  idCardOf,
  idNumberError,
  isTownshipCentre,
  showsGraduationDate,
  townshipCentre,
  type IdentityForm,
} from '../model';

import { WINDOW_NOTE, type StepProps } from './types';

import './steps.less';

const HUKOU_OPTIONS = HUKOU_TYPES.map((value) => ({ value, label: HUKOU_TYPE_LABELS[value] }));
const EDUCATION_OPTIONS = EDUCATION_LEVELS.map((value) => ({
  value,
  label: EDUCATION_LABELS[value],
}));
const WOMEN_OPTIONS = [
  { value: 'female55' as const, label: '55周岁（管理、技术岗位）' },
  { value: 'female50' as const, label: '50周岁（其他岗位）' },
];

function LocationChoice({
  value,
  onChange,
}: {
  value: IdentityForm;
  onChange: (patch: Partial<IdentityForm>) => void;
}) {
  const [placeName, setPlaceName] = useState('');
  const { location, township } = value;
  const onCentre = isTownshipCentre(location, township);

  const chooseOnMap = async () => {
    if (process.env.TARO_ENV !== 'weapp') return;
    try {
      const picked = await Taro.chooseLocation({});
      onChange({ location: { lng: picked.longitude, lat: picked.latitude } });
      setPlaceName(picked.name || picked.address || '');
    } catch {
      // Cancelled or location permission refused: the township centre remains available.
    }
  };

  const useCentre = () => {
    const centre = townshipCentre(township);
    if (centre) onChange({ location: centre });
  };

  let current = '还没有提供位置';
  if (location && onCentre && township) current = `✓ 已使用${townshipLabel(township)}的中心位置`;
  else if (location) current = placeName ? `✓ 已选择：${placeName}` : '✓ 已在地图上选择位置';

  return (
    <View className="reg-location">
      <Text className="reg-location__current" id="location-current">
        {current}
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          plain
          round
          block
          className="outline-button outline-button--primary reg-location__button"
          id="location-map"
          onClick={() => void chooseOnMap()}
        >
          在地图上选择位置
        </Button>
      ) : null}
      <Button
        plain
        round
        block
        className="outline-button reg-location__button"
        id="location-township"
        disabled={!township}
        onClick={useCentre}
      >
        使用所在乡镇（街道）位置
      </Button>
      <Text className="reg-location__note">
        {township
          ? '不读取您的精确位置，以所选乡镇（街道）的中心位置代替。'
          : '请先在上面选择居住的乡镇（街道）。'}
      </Text>
      {location ? (
        <Text className="reg-link" id="location-clear" onClick={() => onChange({ location: null })}>
          不提供位置
        </Text>
      ) : null}
    </View>
  );
}

/**
 * Correcting: what only the service centre may change, in one card (the ID number in full — it
 * is the citizen's own), so the fields they can change follow right after it.
 */
function LockedIdentity({ value }: { value: IdentityForm }) {
  const card = idCardOf(value.idNumber);
  const rows: [string, string, string][] = [
    ['name', '姓名', value.name],
    ['idNumber', '身份证号', value.idNumber],
  ];
  if (card) {
    rows.push([
      'sexBirth',
      '性别 · 出生日期',
      `${card.sex === 'male' ? '男' : '女'} · ${formatDay(card.birthDate)}`,
    ]);
  }
  if (card?.sex === 'female' && value.retirementCategory) {
    rows.push([
      'retirementCategory',
      '退休年龄类别',
      RETIREMENT_CATEGORY_LABELS[value.retirementCategory],
    ]);
  }
  rows.push(['hukouPlace', '户籍所在地', value.hukouPlace]);
  rows.push(['hukouType', '户口性质', value.hukouType ? HUKOU_TYPE_LABELS[value.hukouType] : '']);
  return (
    <View className="reg-field reg-locked" id="field-locked">
      <Text className="reg-locked__note">{WINDOW_NOTE}</Text>
      {rows.map(([name, label, text]) => (
        <View key={name} className="reg-locked__row" id={`field-${name}`}>
          <Text className="reg-locked__label">{label}</Text>
          <Text className="reg-locked__value" userSelect>
            {text || '—'}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function IdentityStep({
  value,
  errors,
  onChange,
  onFieldError,
  correcting,
}: StepProps<IdentityForm>) {
  const card = idCardOf(value.idNumber);

  const changeIdNumber = (idNumber: string) => {
    const next = idCardOf(idNumber);
    const patch: Partial<IdentityForm> = { idNumber };
    if (next?.sex === 'male') patch.retirementCategory = 'male';
    else if (next?.sex === 'female' && value.retirementCategory === 'male') {
      patch.retirementCategory = null;
    }
    onChange(patch);
    if (next) onFieldError?.('idNumber', null);
  };

  const changeTownship = (township: string | null) => {
    const patch: Partial<IdentityForm> = { township };
    // The township centre follows the township; a point chosen on the map stays.
    if (isTownshipCentre(value.location, value.township)) patch.location = townshipCentre(township);
    onChange(patch);
  };

  return (
    <View className="reg-step" id="form-step-identity">
      {correcting ? (
        <LockedIdentity value={value} />
      ) : (
        <>
          <FormField name="name" label="姓名" error={errors.name}>
            <TextBox
              value={value.name}
              maxlength={20}
              placeholder="与身份证上的姓名一致"
              onChange={(name) => onChange({ name })}
            />
          </FormField>

          <FormField name="idNumber" label="身份证号" error={errors.idNumber}>
            <TextBox
              value={value.idNumber}
              type="idcard"
              maxlength={22}
              placeholder="18位第二代身份证号码"
              onChange={changeIdNumber}
              onBlur={(text) => onFieldError?.('idNumber', idNumberError(text))}
            />
            {card ? (
              <Text className="reg-id-summary" id="id-summary">
                {card.sex === 'male' ? '男' : '女'} · 出生日期 {formatDay(card.birthDate)}
              </Text>
            ) : null}
          </FormField>

          {card?.sex === 'female' ? (
            <FormField
              name="retirementCategory"
              label="原法定退休年龄"
              hint="女职工的退休年龄按原来的岗位确定：管理、技术岗位选「55周岁」，其他岗位（如工人岗位）选「50周岁」。"
              error={errors.retirementCategory}
            >
              <ChipsBox>
                <ChoiceChips
                  idPrefix="retirement"
                  options={WOMEN_OPTIONS}
                  selected={value.retirementCategory ? [value.retirementCategory] : []}
                  onToggle={(retirementCategory) => onChange({ retirementCategory })}
                />
              </ChipsBox>
            </FormField>
          ) : null}
        </>
      )}

      <FormField name="mobile" label="手机号" error={errors.mobile}>
        <TextBox
          value={value.mobile}
          type="number"
          maxlength={13}
          placeholder="11位手机号码，方便包保责任人联系您"
          onChange={(mobile) => onChange({ mobile })}
        />
      </FormField>

      {correcting ? null : (
        <>
          <FormField
            name="hukouPlace"
            label="户籍所在地"
            hint="按户口簿填写。"
            error={errors.hukouPlace}
          >
            <TextBox
              value={value.hukouPlace}
              maxlength={50}
              placeholder="如：山东省济宁市任城区"
              onChange={(hukouPlace) => onChange({ hukouPlace })}
            />
          </FormField>

          <FormField name="hukouType" label="户口性质" error={errors.hukouType}>
            <ChipsBox>
              <ChoiceChips
                idPrefix="hukou"
                options={HUKOU_OPTIONS}
                selected={value.hukouType ? [value.hukouType] : []}
                onToggle={(hukouType) => onChange({ hukouType })}
              />
            </ChipsBox>
          </FormField>
        </>
      )}

      <FormField
        name="township"
        label="现在居住的乡镇（街道）"
        hint="按您现在住的地方选，不一定是户籍地。"
        error={errors.township}
      >
        <TownshipSelect value={value.township} onChange={changeTownship} />
      </FormField>

      <FormField name="community" label="社区或村" error={errors.community}>
        <TextBox
          value={value.community}
          maxlength={30}
          placeholder="如：许庄社区、后营村"
          onChange={(community) => onChange({ community })}
        />
      </FormField>

      <FormField
        name="location"
        label="位置"
        optional
        hint="用来为您推荐离家近的岗位。"
        error={errors.location}
      >
        <LocationChoice value={value} onChange={onChange} />
      </FormField>

      <FormField name="education" label="最高学历" error={errors.education}>
        <ChipsBox>
          <ChoiceChips
            idPrefix="education"
            options={EDUCATION_OPTIONS}
            selected={value.education ? [value.education] : []}
            onToggle={(education) =>
              onChange(
                showsGraduationDate(education)
                  ? { education }
                  : { education, graduationDate: null },
              )
            }
          />
        </ChipsBox>
      </FormField>

      {showsGraduationDate(value.education) ? (
        <FormField
          name="graduationDate"
          label="毕业（离校）日期"
          optional
          hint="离校2年内的高校毕业生可以享受更多就业帮扶。"
          error={errors.graduationDate}
        >
          <DateField
            value={value.graduationDate}
            end={dateKey(new Date())}
            placeholder="选择毕业证上的日期"
            onChange={(graduationDate) => onChange({ graduationDate })}
          />
        </FormField>
      ) : null}
    </View>
  );
}
