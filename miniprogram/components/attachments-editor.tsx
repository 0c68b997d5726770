import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { choosePdfs, choosePhotos, uploadPhoto } from '../services/files';
import { toastError } from '../services/request';
import './attachments-editor.scss';

export interface Attachment {
  id: string;
  pdf: boolean;
}

interface Props {
  /** e.g. 活动资料, 附件 */
  label: string;
  value: Attachment[];
  max: number;
  error?: string;
  onChange: (update: (cur: Attachment[]) => Attachment[]) => void;
  /** Uploading: the page's submit waits (a half-uploaded list would be saved without the rest). */
  onBusy: (busy: boolean) => void;
}

// where a PDF comes from: the mini-program has no file browser, only the files sent in a WeChat chat
const PDF_FROM = process.env.TARO_ENV === 'weapp' ? '＋ 聊天中的 PDF' : '＋ PDF 文件';

/** Photos and PDFs attached to a record (activity materials, notice attachments): add, see, remove. */
export function AttachmentsEditor({ label, value, max, error, onChange, onBusy }: Props) {
  const [uploading, setUploading] = useState(false);
  const room = max - value.length;

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

  return (
    <View className={`field att${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>
        {label}（{value.length}/{max}，图片或 PDF）
      </Text>
      {value.map((f, i) => (
        <View key={f.id} className='att__file'>
          <Text className='att__name'>
            {label} {i + 1}（{f.pdf ? 'PDF' : '图片'}）
          </Text>
          <Text className='att__remove' onClick={() => onChange((cur) => cur.filter((x) => x.id !== f.id))}>
            移除
          </Text>
        </View>
      ))}
      {uploading && <Text className='att__busy'>上传中…</Text>}
      {room > 0 && !uploading && (
        <View className='att__chips'>
          <Text className='att__chip att__add-photo' onClick={() => void choosePhotos(Math.min(3, room)).then(upload)}>
            ＋ 图片
          </Text>
          <Text className='att__chip att__add-pdf' onClick={() => void choosePdfs(Math.min(3, room)).then(upload)}>
            {PDF_FROM}
          </Text>
        </View>
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
