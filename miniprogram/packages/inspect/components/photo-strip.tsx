import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { authedImage } from '../../../services/files';
import './photo-strip.scss';

/** A protected server photo: fetched with the token, then shown. */
function ServerThumb({ url }: { url: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    authedImage(url)
      .then((s) => live && setSrc(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <Image className='photos__thumb' src={src} mode='aspectFill' /> : <View className='photos__thumb photos__thumb--loading' />;
}

/** Thumbnails of photos taken on the phone (local paths) and already on the server; optional add/remove. */
export function PhotoStrip(props: { local?: string[]; server?: string[]; onAdd?: () => void; onRemove?: (path: string) => void; required?: boolean }) {
  const local = props.local ?? [];
  const preview = (src: string) => void Taro.previewImage({ urls: local, current: src }).catch(() => undefined);
  return (
    <View className='photos'>
      {(props.server ?? []).map((u) => (
        <ServerThumb key={u} url={u} />
      ))}
      {local.map((p) => (
        <View key={p} className='photos__item'>
          <Image className='photos__thumb' src={p} mode='aspectFill' onClick={() => preview(p)} />
          {props.onRemove && (
            <Text className='photos__remove' onClick={() => props.onRemove?.(p)}>
              ×
            </Text>
          )}
        </View>
      ))}
      {props.onAdd && (
        <View className={`photos__add${props.required && local.length === 0 ? ' photos__add--required' : ''}`} onClick={props.onAdd}>
          <Text className='photos__plus'>+</Text>
          <Text className='photos__label'>{props.required ? '拍照（必填）' : '拍照'}</Text>
        </View>
      )}
    </View>
  );
}
