import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { choosePhotos, uploadPhoto } from '../../../services/files';
import { toastError } from '../../../services/request';

export const MAX_MATERIALS = 20;

export interface Material {
  id: string;
  pdf: boolean;
}

interface Props {
  value: Material[];
  error?: string;
  onChange: (update: (cur: Material[]) => Material[]) => void;
  /** Uploading: the page's submit waits (a half-uploaded list would be saved without the rest). */
  onBusy: (busy: boolean) => void;
}

/**
 * 活动资料: photos (both platforms) and, in WeChat, PDFs picked from a chat (the mini-program has no file
 * browser). The browser build offers photos only: the files service uploads picked photos, not arbitrary files.
 */
export function MaterialsEditor({ value, error, onChange, onBusy }: Props) {
  const [uploading, setUploading] = useState(false);
  const room = MAX_MATERIALS - value.length;

  const upload = async (paths: string[]) => {
    if (paths.length === 0) return;
    setUploading(true);
    onBusy(true);
    try {
      for (const p of paths) {
        const up = await uploadPhoto(p);
        onChange((cur) => [...cur, { id: up.id, pdf: up.mime === 'application/pdf' }]);
      }
    } catch (e) {
      toastError(e);
    } finally {
      setUploading(false);
      onBusy(false);
    }
  };

  const addPhotos = async () => upload(await choosePhotos(Math.min(3, room)));
  const addPdf = async () => {
    let paths: string[];
    try {
      paths = (await Taro.chooseMessageFile({ count: Math.min(3, room), type: 'file', extension: ['pdf'] })).tempFiles.map((f) => f.path);
    } catch {
      return; // cancelled
    }
    await upload(paths);
  };

  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>
        活动资料（{value.length}/{MAX_MATERIALS}，图片{process.env.TARO_ENV === 'weapp' ? '或 PDF' : '；PDF 请在微信小程序中上传'}）
      </Text>
      {value.map((f, i) => (
        <View key={f.id} className='cal__file'>
          <Text>
            资料 {i + 1}（{f.pdf ? 'PDF' : '图片'}）
          </Text>
          <Text className='cal__remove' onClick={() => onChange((cur) => cur.filter((x) => x.id !== f.id))}>
            移除
          </Text>
        </View>
      ))}
      {uploading && <Text className='card__meta'>上传中…</Text>}
      {room > 0 && !uploading && (
        <View className='cal__chips'>
          <Text className='cal__chip cal__add-photo' onClick={() => void addPhotos()}>
            ＋ 图片
          </Text>
          {process.env.TARO_ENV === 'weapp' && (
            <Text className='cal__chip cal__add-pdf' onClick={() => void addPdf()}>
              ＋ 聊天中的 PDF
            </Text>
          )}
        </View>
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
