/**
 * The citizen's 包保责任人: a named person, their organisation and the organisation's service
 * hotline. When nobody is assigned yet, say who assigns one and by when.
 */
import { Button } from '@antmjs/vantui';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import type { OwnRegistration } from '@nuanxin/shared';

import './CaseworkerCard.less';

export interface CaseworkerCardProps {
  id: string;
  caseworker: OwnRegistration['caseworker'];
}

export function CaseworkerCard({ id, caseworker }: CaseworkerCardProps) {
  if (!caseworker) {
    return (
      <View className="reg-caseworker reg-caseworker--none" id={id}>
        <Text className="reg-caseworker__label">包保责任人</Text>
        <Text className="reg-caseworker__pending" id={`${id}-pending`}>
          正在为您安排包保责任人：就业服务主管会在1个工作日内为您指定，指定后可在「我的登记」中看到。
        </Text>
      </View>
    );
  }
  const name = caseworker.name.trim() || '包保责任人';
  return (
    <View className="reg-caseworker" id={id}>
      <Text className="reg-caseworker__label">您的包保责任人</Text>
      <View className="reg-caseworker__person">
        <View className="reg-caseworker__avatar">
          <Text>{name.slice(0, 1)}</Text>
        </View>
        <View className="reg-caseworker__who">
          <Text className="reg-caseworker__name" id={`${id}-name`}>
            {name}
          </Text>
          <Text className="reg-caseworker__org" id={`${id}-org`}>
            {caseworker.orgLabel}
          </Text>
        </View>
      </View>
      {caseworker.phone ? (
        <View className="reg-caseworker__phone">
          <Text className="reg-caseworker__phone-label">服务电话</Text>
          <Text className="reg-caseworker__phone-number" id={`${id}-phone`} userSelect>
            {caseworker.phone}
          </Text>
          <Button
            plain
            round
            size="small"
            className="outline-button outline-button--primary"
            id={`${id}-call`}
            onClick={() => void Taro.makePhoneCall({ phoneNumber: caseworker.phone })}
          >
            拨打
          </Button>
        </View>
      ) : null}
      <Text className="reg-caseworker__hint">
        找工作、参加培训、申领补贴，有问题都可以联系您的包保责任人。
      </Text>
    </View>
  );
}
