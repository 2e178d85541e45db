/**
 * 添加照片（可选）: one photo for a request — a 缴费单, a notice, a broken 工资条 — picked from the
 * album or taken with the camera (`Taro.chooseImage`, compressed), shown as a thumbnail the
 * citizen can enlarge or remove. Too big or not a JPEG/PNG is said at once, before anything is
 * sent; the upload itself happens when the request is sent (services/upload.ts).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { checkPhoto, type PickedPhoto } from '../../../services/upload';

export interface PhotoFieldProps {
  photo: PickedPhoto | null;
  error: string | undefined;
  disabled?: boolean;
  onChange: (photo: PickedPhoto | null) => void;
  onError: (message: string) => void;
}

function cancelled(error: unknown): boolean {
  const text = error && typeof error === 'object' && 'errMsg' in error ? String(error.errMsg) : '';
  return /cancel|abort/i.test(text);
}

export function PhotoField({ photo, error, disabled, onChange, onError }: PhotoFieldProps) {
  const choose = async () => {
    if (disabled) return;
    let picked: Taro.chooseImage.ImageFile | undefined;
    try {
      const res = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      picked = res.tempFiles[0];
    } catch (failure) {
      if (!cancelled(failure)) onError('没能打开相册，请稍后重试');
      return;
    }
    if (!picked) return;
    const next: PickedPhoto = {
      path: picked.path,
      size: picked.size,
      ...(picked.type ? { type: picked.type } : {}),
      ...(picked.originalFileObj ? { file: picked.originalFileObj } : {}),
    };
    const refused = checkPhoto(next);
    if (refused) {
      onError(refused);
      return;
    }
    onChange(next);
  };

  return (
    <View id="field-ask-photo" className={`reg-field${error ? ' reg-field--error' : ''}`}>
      <View className="reg-field__head">
        <Text className="reg-field__label">添加照片（可选）</Text>
      </View>
      <Text className="reg-field__hint">
        如通知单、缴费凭证等，有助于工作人员了解情况。一张，JPG 或 PNG，不超过 2 MB。
      </Text>
      {photo ? (
        <View className="help-photo" id="ask-photo-preview">
          <Image
            className="help-photo__thumb"
            src={photo.path}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls: [photo.path], current: photo.path })}
          />
          <View className="help-photo__side">
            <Text className="help-photo__note">已选择 1 张照片，提交时一并发送</Text>
            <Text
              className="help-photo__remove"
              id="ask-photo-remove"
              onClick={() => !disabled && onChange(null)}
            >
              移除照片
            </Text>
          </View>
        </View>
      ) : (
        <View className="help-photo__add" id="ask-photo-add" onClick={() => void choose()}>
          <Text className="help-photo__plus">＋</Text>
          <Text className="help-photo__add-text">添加照片</Text>
        </View>
      )}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}
