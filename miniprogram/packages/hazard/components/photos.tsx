import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { authedImage } from '../../../services/files';
import { photoUrl, thumbUrl } from '../../../services/hazards';
import './photos.scss';

/** A stored photo's thumbnail (fetched with the token); a tap opens every photo of the row full size. */
function Thumb({ id, onOpen }: { id: string; onOpen: () => void }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    authedImage(thumbUrl(id))
      .then((s) => live && setSrc(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return src ? <Image className='hz-photos__thumb' src={src} mode='aspectFill' onClick={onOpen} /> : <View className='hz-photos__thumb hz-photos__thumb--loading' onClick={onOpen} />;
}

/** Photos kept on the server (before, after, a verifier's); tap to preview full size. */
export function ServerPhotos({ ids, label }: { ids: string[]; label?: string }) {
  if (ids.length === 0) return null;
  const preview = async (current: string) => {
    try {
      const urls = await Promise.all(ids.map((id) => authedImage(photoUrl(id))));
      await Taro.previewImage({ urls, current: urls[ids.indexOf(current)] });
    } catch {
      void Taro.showToast({ title: '照片加载失败', icon: 'none' });
    }
  };
  return (
    <View className='hz-photos'>
      {label && <Text className='hz-photos__label'>{label}</Text>}
      <View className='hz-photos__row'>
        {ids.map((id) => (
          <Thumb key={id} id={id} onOpen={() => void preview(id)} />
        ))}
      </View>
    </View>
  );
}

/** Photos taken on the phone for a form: preview, remove, add (up to `max`). */
export function LocalPhotos(props: { paths: string[]; max: number; onAdd: () => void; onRemove: (p: string) => void; required?: boolean }) {
  const { paths } = props;
  return (
    <View className='hz-photos__row'>
      {paths.map((p) => (
        <View key={p} className='hz-photos__item'>
          <Image className='hz-photos__thumb' src={p} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: paths, current: p }).catch(() => undefined)} />
          <Text className='hz-photos__remove' onClick={() => props.onRemove(p)}>
            ×
          </Text>
        </View>
      ))}
      {paths.length < props.max && (
        <View className={`hz-photos__add${props.required && paths.length === 0 ? ' hz-photos__add--required' : ''}`} onClick={props.onAdd}>
          <Text className='hz-photos__plus'>+</Text>
          <Text className='hz-photos__hint'>{props.required ? '整改后照片（必填）' : '添加照片'}</Text>
        </View>
      )}
    </View>
  );
}
