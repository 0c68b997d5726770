import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { CHECK_CATEGORIES, CHECK_CATEGORY_LABELS, type CheckCategory } from '../../../../shared/schemas/checklists';
import { choosePhotos, keepPhoto } from '../../../services/files';
import { Button } from './nut';
import { PhotoStrip } from './photo-strip';
import './finding-form.scss';

export interface FindingDraft {
  kind: 'hazard' | 'good_practice';
  description: string;
  category: CheckCategory;
  level: 'general' | 'major';
  fixMode: 'immediate' | 'deadline';
  photos: string[];
}

export interface FindingFormProps {
  initial: FindingDraft;
  /** The checklist item says a fail needs a photo. */
  photoRequired?: boolean;
  /** The category comes from the checklist item (shown, not chosen). */
  categoryFixed?: boolean;
  title: string;
  onSave: (d: FindingDraft) => void;
  onCancel: () => void;
}

const MAX_PHOTOS = 6;

/** A hazard (prefilled from a failed item, or free) or a good practice (优点), with photos. */
export function FindingForm({ initial, photoRequired, categoryFixed, title, onSave, onCancel }: FindingFormProps) {
  const [d, setD] = useState<FindingDraft>(initial);
  const [error, setError] = useState<string | null>(null);
  const hazard = d.kind === 'hazard';

  const addPhotos = async () => {
    const picked = await choosePhotos(MAX_PHOTOS - d.photos.length);
    // kept as saved files: the photos must survive until there is signal to upload them
    const kept = await Promise.all(picked.map(keepPhoto));
    setD((cur) => ({ ...cur, photos: [...cur.photos, ...kept].slice(0, MAX_PHOTOS) }));
  };

  const save = () => {
    if (d.description.trim().length < 2) return setError(hazard ? '请描述隐患' : '请描述值得学习的做法');
    if (photoRequired && d.photos.length === 0) return setError('此检查项不合格时须拍照取证');
    setError(null);
    onSave({ ...d, description: d.description.trim() });
  };

  const chip = (on: boolean, label: string, onClick: () => void, cls = '') => (
    <Text className={`finding__chip${on ? ' finding__chip--on' : ''} ${cls}`} onClick={onClick}>
      {label}
    </Text>
  );

  return (
    <View className={`finding-form finding-form--${d.kind}`}>
      <Text className='finding-form__title'>{title}</Text>
      <Textarea
        className='finding-form__text'
        value={d.description}
        maxlength={500}
        autoHeight
        placeholder={hazard ? '隐患描述：位置、现状、不符合什么要求' : '值得其他企业学习的做法'}
        onInput={(e) => setD({ ...d, description: e.detail.value })}
      />
      {hazard && (
        <View>
          {categoryFixed ? (
            <Text className='card__meta'>类别：{CHECK_CATEGORY_LABELS[d.category]}</Text>
          ) : (
            <View className='finding-form__row'>
              <Text className='finding-form__label'>类别</Text>
              {CHECK_CATEGORIES.map((c) => chip(d.category === c, CHECK_CATEGORY_LABELS[c], () => setD({ ...d, category: c }), 'finding__category'))}
            </View>
          )}
          <View className='finding-form__row'>
            <Text className='finding-form__label'>等级</Text>
            {chip(d.level === 'general', '一般隐患', () => setD({ ...d, level: 'general' }), 'finding__level-general')}
            {chip(d.level === 'major', '重大隐患', () => setD({ ...d, level: 'major' }), 'finding__level-major')}
          </View>
          <View className='finding-form__row'>
            <Text className='finding-form__label'>整改</Text>
            {chip(d.fixMode === 'immediate', '立即整改（当天）', () => setD({ ...d, fixMode: 'immediate' }))}
            {chip(d.fixMode === 'deadline', d.level === 'major' ? '限期整改（30 天）' : '限期整改（7 天）', () => setD({ ...d, fixMode: 'deadline' }))}
          </View>
          {d.level === 'major' && <Text className='finding-form__warn'>重大隐患须在 3 天内制定治理方案（责任、措施、资金、时限、预案），并报告监管部门。</Text>}
        </View>
      )}
      <PhotoStrip
        local={d.photos}
        required={photoRequired}
        onAdd={d.photos.length < MAX_PHOTOS ? () => void addPhotos() : undefined}
        onRemove={(p) => setD({ ...d, photos: d.photos.filter((x) => x !== p) })}
      />
      {error && <Text className='field__error finding-form__error'>{error}</Text>}
      <View className='card__actions'>
        <Button className='btn' onClick={onCancel}>
          取消
        </Button>
        <Button className='btn finding-form__save' type='primary' onClick={save}>
          保存
        </Button>
      </View>
    </View>
  );
}
