import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { createNoticeSchema, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type Notice, type NoticeCategory, updateNoticeSchema } from '../../../../../shared/schemas/notices';
import { issuesToFields, zhErrorMap } from '../../../../../shared/zod-messages';
import { uuid } from '../../../../lib/offline-queue';
import { type Attachment, AttachmentsEditor } from '../../../../components/attachments-editor';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { managedPlaces, type Place, placeKey, placeRef } from '../../../../lib/places';
import { ROUTES, withQuery } from '../../../../routes';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { createNotice, getNotice, updateNotice } from '../../../../services/notices';
import { listCooperatives, listRegions } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../../../components/form-field.scss';
import '../../components/notices.scss';

// as many as createNoticeSchema's attachmentIds allows
const MAX_FILES = 10;

/** Ask the person to confirm; false when they cancel (or the modal cannot open). */
async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    return (await Taro.showModal({ title, content, confirmText })).confirm;
  } catch {
    return false;
  }
}

async function loadEditor(id: string): Promise<{ notice: Notice | null; places: Place[] }> {
  if (id) return { notice: await getNotice(id), places: [] };
  const [me, regions, coops] = await Promise.all([cachedMe() ?? fetchMe(), listRegions(), listCooperatives(1, 100)]);
  return { notice: null, places: managedPlaces(me, regions.items, coops.items, false) };
}

/**
 * 发布通知 (coop admin to their cooperative, supervisor to a town or the district) and, with ?id=,
 * 修改并重新发布: a new version everybody confirms again. Checked with the shared schema before sending.
 */
export function NoticeEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => loadEditor(id), [id]);
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '修改并重新发布' }).catch(() => undefined);
  }, [id]);
  const notice = query.data?.notice ?? null;
  const places = query.data?.places ?? [];

  const [scope, setScope] = useState('');
  const [category, setCategory] = useState<NoticeCategory>('notice');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // a second tap while the first is on its way must not post twice (state updates land a render later)
  const [clientId] = useState(uuid);
  const sending = useRef(false);
  // an error belongs to the value it was given for: editing the field clears it
  const edited = (key: string) => setErrors((cur) => (cur[key] ? { ...cur, [key]: '' } : cur));

  // the form starts from what was loaded: the notice being changed, or the only place the person manages
  useEffect(() => {
    if (notice) {
      setCategory(notice.category);
      setTitle(notice.title);
      setBody(notice.body);
      setFiles(notice.attachments.map((f) => ({ id: f.id, pdf: f.mime === 'application/pdf' })));
    } else if (places.length === 1) setScope(placeKey(places[0]));
  }, [query.data]);

  const submit = async () => {
    // a second tap while the first waits for the modal or the server must not post twice
    if (sending.current) return;
    sending.current = true;
    try {
      await publish();
    } finally {
      sending.current = false;
      setBusy(null);
    }
  };

  const publish = async () => {
    const content = { category, title, body, attachmentIds: files.map((f) => f.id) };
    const place = places.find((p) => placeKey(p) === scope);
    let send: (() => Promise<Notice>) | null = null;
    let issues: Record<string, string> | null = null;
    if (notice) {
      const parsed = updateNoticeSchema.safeParse({ ...content, version: notice.version }, { errorMap: zhErrorMap });
      if (parsed.success) send = () => updateNotice(notice.id, parsed.data);
      else issues = issuesToFields(parsed.error.issues);
    } else {
      // the form's own id: a re-send after a lost answer finds the notice already published
      const parsed = createNoticeSchema.safeParse({ ...content, ...placeRef(place), clientId }, { errorMap: zhErrorMap });
      if (parsed.success) send = () => createNotice(parsed.data);
      else issues = issuesToFields(parsed.error.issues);
    }
    if (issues || !send) {
      issues ??= {};
      if (issues.cooperativeId || issues.regionId) issues.scope = issues.cooperativeId ?? issues.regionId;
      setErrors(issues);
      return;
    }
    setErrors({});
    const ok = notice
      ? await confirmed('重新发布', `重新发布后所有人需要再次确认（已确认 ${notice.confirmedCount}/${notice.recipientCount} 将清零）。`, '重新发布')
      : await confirmed('发布通知', `发布到「${place?.name ?? ''}」后，所有成员企业的人员都会收到并需确认。`, '发布');
    if (!ok) return;
    setBusy('发布中…');
    try {
      const saved = await send();
      void Taro.showToast({ title: notice ? '已重新发布' : '已发布', icon: 'success' }).catch(() => undefined);
      void Taro.redirectTo({ url: withQuery(ROUTES.noticeAcks, { id: saved.id }) }).catch(() => undefined);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOTICE_CHANGED') {
        // someone re-published it meanwhile: show theirs, this text would overwrite it unseen
        await Taro.showModal({ title: '通知已被修改', content: '这条通知刚被他人重新发布，已载入最新内容，请核对后再修改。', showCancel: false }).catch(() => undefined);
        await query.reload();
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else toastError(err);
    }
  };

  const noPlace = !id && query.data && places.length === 0;
  return (
    <View className='page ntc ntc-edit'>
      <StateView query={query}>
        {noPlace && <Text className='hint'>只有合作社管理员和监管人员可以发布通知。</Text>}
        {query.data && !noPlace && (
          <View className='ntc-edit__form'>
            {notice ? (
              <View className='card'>
                <Text className='card__meta'>
                  发布范围：{notice.scopeName} · 当前第 {notice.version} 版 · 已确认 {notice.confirmedCount}/{notice.recipientCount}
                </Text>
              </View>
            ) : (
              <View className={`field${errors.scope ? ' field--invalid' : ''}`}>
                <Text className='field__label'>发布范围</Text>
                <View className='ntc__chips'>
                  {places.map((p) => (
                    <Text key={placeKey(p)} className={`ntc__chip${scope === placeKey(p) ? ' ntc__chip--on' : ''}`} onClick={() => {
                        setScope(placeKey(p));
                        edited('scope');
                      }}>
                      {p.name}（{p.label}）
                    </Text>
                  ))}
                </View>
                {errors.scope && <Text className='field__error'>{errors.scope}</Text>}
              </View>
            )}
            <View className='field'>
              <Text className='field__label'>类别</Text>
              <View className='ntc__chips'>
                {NOTICE_CATEGORIES.map((c) => (
                  <Text key={c} className={`ntc__chip ntc__cat${category === c ? ' ntc__chip--on' : ''}`} onClick={() => setCategory(c)}>
                    {NOTICE_CATEGORY_LABELS[c]}
                  </Text>
                ))}
              </View>
            </View>
            <FormField label='标题' name='title' value={title} error={errors.title} maxlength={80} placeholder='如：关于开展冬季消防安全自查的通知' onInput={setTitle} />
            <View className={`field${errors.body ? ' field--invalid' : ''}`}>
              <Text className='field__label'>正文</Text>
              <Textarea
                className='ntc__textarea'
                value={body}
                maxlength={5000}
                // the phone grows it with the text; the browser's box is sized by the stylesheet (resizable)
                autoHeight={process.env.TARO_ENV === 'weapp'}
                placeholder='通知内容'
                onInput={(ev) => {
                  setBody(ev.detail.value);
                  edited('body');
                }}
              />
              {errors.body && <Text className='field__error'>{errors.body}</Text>}
            </View>
            <AttachmentsEditor label='附件' max={MAX_FILES} value={files} error={errors.attachmentIds} onChange={setFiles} onBusy={(b) => setBusy(b ? '上传中…' : null)} />
            <View className='block-btn'>
              <Button className='ntc__publish' type='primary' block loading={!!busy} disabled={!!busy} onClick={() => void submit()}>
                {busy ?? (notice ? '重新发布' : '发布')}
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default NoticeEditPage;
