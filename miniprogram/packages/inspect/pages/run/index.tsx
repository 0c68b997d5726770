import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { QueuedEntry } from '../../../../lib/offline-queue';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { CHECK_CATEGORY_LABELS, type ChecklistItem } from '../../../../../shared/schemas/checklists';
import type { Answer } from '../../../../../shared/schemas/inspections';
import { fileUrl, getInspection, startInspection } from '../../../../services/inspections';
import { toastError } from '../../../../services/request';
import { FindingForm, type FindingDraft } from '../../components/finding-form';
import { Button } from '../../components/nut';
import { PhotoStrip } from '../../components/photo-strip';
import { withOfflineCopy } from '../../lib/cache';
import { outbox } from '../../lib/outbox';
import '../../../../components/form-field.scss';
import './index.scss';

type Open = { mode: 'item'; item: ChecklistItem } | { mode: 'free' } | { mode: 'good' } | null;

interface LocalAnswer {
  answer: Answer | null;
  value: string | null;
}

const keyOf = (workshopId: string, itemId: string) => `${workshopId}:${itemId}`;
const thumbUrl = (fileId: string) => `${fileUrl(fileId)}/thumb`;

/** A recorded entry's photos: still on the phone, or (once uploaded, the local file freed) from the server. */
function stripOf(e: QueuedEntry): { local: string[]; server: string[] } {
  return {
    local: e.photos.filter((p) => !p.fileId).map((p) => p.localPath),
    server: e.photos.filter((p): p is { localPath: string; fileId: string } => !!p.fileId).map((p) => thumbUrl(p.fileId)),
  };
}

/** The outbox's count for this inspection, kept current (entries are added here and flushed on reconnect). */
function useOutbox(inspectionId: string) {
  const q = outbox();
  const [entries, setEntries] = useState<QueuedEntry[]>(() => q.pending(inspectionId));
  const [failed, setFailed] = useState<QueuedEntry[]>(() => q.failed(inspectionId));
  const [syncing, setSyncing] = useState(false);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const update = () => {
      setEntries(q.pending(inspectionId));
      setFailed(q.failed(inspectionId));
    };
    update();
    return q.subscribe(update);
  }, [inspectionId]);
  const flush = async () => {
    setSyncing(true);
    try {
      const r = await q.flush();
      setOffline(r.offline);
    } finally {
      setSyncing(false);
    }
  };
  useEffect(() => {
    void flush(); // whatever waited from an earlier visit goes out now if it can
  }, [inspectionId]);
  return { entries, failed, syncing, offline, flush };
}

/** 逐项检查: one workshop's checklist — pass / fail / not applicable, a fail opens the hazard form. */
export function RunPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [workshopId, setWorkshopId] = useState(params.workshopId ?? '');
  const [open, setOpen] = useState<Open>(null);
  const box = useOutbox(id);
  // what was recorded on this visit stays shown after it is sent (the detail is not reloaded for each answer)
  const [mine, setMine] = useState<QueuedEntry[]>([]);

  const query = useQuery(() => withOfflineCopy(id, () => getInspection(id)), [id], { enabled: !!id });
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    try {
      query.setData(await startInspection(id));
    } catch (e) {
      toastError(e);
    } finally {
      setStarting(false);
    }
  };
  const data = query.data;
  // '' = the whole site (a patrol without workshops)
  const ws = workshopId || data?.workshopId || data?.workshops[0]?.id || '';
  const wsRef = ws || null;
  const editable = !!data && data.canRecord;

  const waiting = new Set(box.entries.map((e) => e.clientId));
  const local = useMemo(() => {
    const byKey = new Map<string, QueuedEntry>();
    for (const e of box.entries) byKey.set(e.key, e); // from an earlier visit, not yet sent
    for (const e of mine) if (!byKey.has(e.key) || waiting.has(e.clientId)) byKey.set(e.key, e);
    return [...byKey.values()];
  }, [box.entries, mine]);

  // the server's answers, then what was recorded on the phone (newer) on top
  const answers = useMemo(() => {
    const m = new Map<string, LocalAnswer>();
    for (const r of data?.results ?? []) m.set(keyOf(r.workshopId ?? '', r.itemId), { answer: r.answer, value: r.number !== null ? String(r.number) : r.text });
    for (const e of local) {
      if (e.kind !== 'results') continue;
      const p = e.payload as { workshopId: string | null; itemId: string; answer: Answer | null; number?: number | null; text?: string | null };
      const value = p.number !== undefined && p.number !== null ? String(p.number) : (p.text ?? null);
      m.set(keyOf(p.workshopId ?? '', p.itemId), { answer: p.answer, value });
    }
    return m;
  }, [data, local]);

  const localFindings = local.filter((e) => e.kind === 'hazards' || e.kind === 'goodPractices');
  const serverFindings = (data?.findings ?? []).filter((f) => (f.workshopId ?? '') === ws);

  const record = (entries: { kind: string; key: string; payload: Record<string, unknown>; photos?: string[] }[]) => {
    const q = outbox();
    const added = entries.map((e) => q.add({ inspectionId: id, ...e }));
    const keys = new Set(added.map((a) => a.key));
    setMine((prev) => [...prev.filter((p) => !keys.has(p.key)), ...added]);
    void box.flush();
  };

  const answer = (item: ChecklistItem, a: Answer) => {
    if (a === 'fail') {
      setOpen({ mode: 'item', item });
      return;
    }
    record([{ kind: 'results', key: `result:${ws}:${item.id}`, payload: { workshopId: wsRef, itemId: item.id, answer: a } }]);
    // an earlier fail's hazard that has not left the phone goes with the changed answer
    const staleKey = `hazard:${ws}:${item.id}`;
    const stale = box.entries.find((e) => e.key === staleKey);
    if (stale) outbox().remove(stale.clientId);
    setMine((prev) => prev.filter((p) => p.key !== staleKey));
  };

  const saveValue = (item: ChecklistItem, raw: string) => {
    const value = raw.trim();
    if (item.answerType === 'number' && value !== '' && !Number.isFinite(Number(value))) {
      void Taro.showToast({ title: '请填写数字', icon: 'none' });
      return;
    }
    const payload =
      item.answerType === 'number'
        ? { workshopId: wsRef, itemId: item.id, number: value === '' ? null : Number(value) }
        : { workshopId: wsRef, itemId: item.id, text: value || null };
    record([{ kind: 'results', key: `result:${ws}:${item.id}`, payload }]);
  };

  const saveFinding = (d: FindingDraft) => {
    if (!open) return;
    if (open.mode === 'good') {
      record([{ kind: 'goodPractices', key: `good:${Date.now()}`, payload: { workshopId: wsRef, description: d.description }, photos: d.photos }]);
    } else {
      const itemId = open.mode === 'item' ? open.item.id : null;
      const hazard = {
        kind: 'hazards',
        key: itemId ? `hazard:${ws}:${itemId}` : `hazard:${ws}:free:${Date.now()}`,
        payload: { workshopId: wsRef, itemId, description: d.description, category: d.category, level: d.level, fixMode: d.fixMode },
        photos: d.photos,
      };
      record(itemId ? [{ kind: 'results', key: `result:${ws}:${itemId}`, payload: { workshopId: wsRef, itemId, answer: 'fail' } }, hazard] : [hazard]);
    }
    setOpen(null);
    void Taro.showToast({ title: '已记录', icon: 'success' });
  };

  // refused entries (e.g. the inspection was submitted meanwhile) stay until the person lets them go
  const discardFailed = async () => {
    const { confirm } = await Taro.showModal({
      title: '放弃记录',
      content: `${box.failed.length} 条记录未被服务器接受（${box.failed[0]?.error ?? ''}），放弃后将从手机上删除，不能恢复。`,
      confirmText: '放弃',
      cancelText: '取消',
      confirmColor: '#d4380d',
    });
    if (!confirm) return;
    for (const e of box.failed) outbox().remove(e.clientId);
  };

  const items = data?.items ?? [];
  const sections = [...new Set(items.map((i) => i.section))];
  const answeredHere = items.filter((i) => answers.get(keyOf(ws, i.id))).length;

  const formFor = (mode: Open) => {
    if (!mode) return null;
    const base: FindingDraft = { kind: 'hazard', description: '', category: 'housekeeping', level: 'general', fixMode: 'deadline', photos: [] };
    if (mode.mode === 'item') {
      return (
        <FindingForm
          title='记录隐患（由检查项带出，可修改）'
          initial={{ ...base, description: `不符合：${mode.item.text}`, category: mode.item.category }}
          categoryFixed
          photoRequired={mode.item.photoRequiredOnFail}
          onSave={saveFinding}
          onCancel={() => setOpen(null)}
        />
      );
    }
    return (
      <FindingForm
        title={mode.mode === 'good' ? '记录优点（值得学习的做法）' : '记录检查表外的隐患'}
        initial={{ ...base, kind: mode.mode === 'good' ? 'good_practice' : 'hazard', category: 'housekeeping' }}
        onSave={saveFinding}
        onCancel={() => setOpen(null)}
      />
    );
  };

  const syncText = box.failed.length
    ? `${box.failed.length} 条记录未被接受：${box.failed[0].error ?? ''}`
    : box.entries.length
      ? box.offline
        ? `无网络：${box.entries.length} 条记录已保存在手机上，恢复网络后自动同步`
        : box.syncing
          ? `正在同步 ${box.entries.length} 条记录…`
          : `${box.entries.length} 条记录待同步`
      : '全部记录已同步';

  return (
    <View className='page run'>
      <StateView query={query} error={id ? query.error : '缺少检查参数'}>
        {data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{data.hostName}</Text>
              <Text className='card__meta'>
                {data.checklistName} · 本车间已检查 {answeredHere}/{items.length} 项
              </Text>
              {!editable && (
                <Text className='card__meta'>
                  {data.status === 'submitted' ? '此检查已提交，只能查看。' : data.canStart ? '检查尚未开始：到达现场后点“开始检查”。' : '你不能在此检查中记录。'}
                </Text>
              )}
              {data.canStart && (
                <View className='card__actions'>
                  <Button className='btn run__start' type='primary' loading={starting} disabled={starting} onClick={() => void start()}>
                    开始检查
                  </Button>
                </View>
              )}
            </View>
            <Text
              className={`run__sync${box.failed.length ? ' run__sync--failed' : box.offline || data.offline ? ' run__sync--offline' : ''}`}
              onClick={() => void box.flush()}
            >
              {syncText}
            </Text>
            {box.failed.length > 0 && (
              <View className='run__extra'>
                <Button className='btn run__discard' size='small' type='danger' fill='outline' onClick={() => void discardFailed()}>
                  放弃未被接受的 {box.failed.length} 条记录
                </Button>
              </View>
            )}
            {data.workshops.length > 1 && (
              <View className='run__tabs'>
                {data.workshops.map((w) => (
                  <Text key={w.id} className={`run__tab${w.id === ws ? ' run__tab--on' : ''}`} onClick={() => setWorkshopId(w.id)}>
                    {w.name}
                  </Text>
                ))}
              </View>
            )}
            {sections.map((s) => (
              <View key={s}>
                <Text className='run__section'>{s}</Text>
                {items
                  .filter((i) => i.section === s)
                  .map((item) => {
                    const a = answers.get(keyOf(ws, item.id));
                    const pendingHazard = localFindings.find((e) => e.key === `hazard:${ws}:${item.id}`);
                    const serverHazard = serverFindings.find((f) => f.kind === 'hazard' && f.itemId === item.id);
                    return (
                      <View key={item.id} className='run__item'>
                        <Text className='run__text'>{item.text}</Text>
                        <Text className='run__basis'>
                          {CHECK_CATEGORY_LABELS[item.category]}
                          {item.legalBasis ? ` · 依据：${item.legalBasis}` : ''}
                          {item.photoRequiredOnFail ? ' · 不合格须拍照' : ''}
                        </Text>
                        {item.answerType === 'pass_fail' ? (
                          <View className='run__answers'>
                            {(
                              [
                                ['pass', '合格'],
                                ['fail', '不合格'],
                                ['na', '不适用'],
                              ] as const
                            ).map(([v, label]) => (
                              <Text
                                key={v}
                                className={`run__answer run__answer-${v}${a?.answer === v ? ` run__answer--${v}` : ''}`}
                                onClick={editable ? () => answer(item, v) : undefined}
                              >
                                {label}
                              </Text>
                            ))}
                          </View>
                        ) : (
                          <Input
                            className='run__value'
                            type={item.answerType === 'number' ? 'digit' : 'text'}
                            value={a?.value ?? ''}
                            disabled={!editable}
                            placeholder={item.answerType === 'number' ? `填写数值${item.unit ? `（${item.unit}）` : ''}` : '填写情况'}
                            onBlur={(e) => e.detail.value !== (a?.value ?? '') && saveValue(item, e.detail.value)}
                            onConfirm={(e) => saveValue(item, e.detail.value)}
                          />
                        )}
                        {pendingHazard && (
                          <View>
                            <Text className='run__finding'>隐患：{(pendingHazard.payload as { description: string }).description}
                              {waiting.has(pendingHazard.clientId) ? '（待同步）' : ''}
                            </Text>
                            <PhotoStrip {...stripOf(pendingHazard)} />
                          </View>
                        )}
                        {!pendingHazard && serverHazard && (
                          <View>
                            <Text className='run__finding'>隐患：{serverHazard.description}</Text>
                            <PhotoStrip server={serverHazard.photoIds.map(thumbUrl)} />
                          </View>
                        )}
                        {open?.mode === 'item' && open.item.id === item.id && formFor(open)}
                      </View>
                    );
                  })}
              </View>
            ))}
            {editable && (
              <View className='run__extra'>
                {open && open.mode !== 'item' ? (
                  formFor(open)
                ) : (
                  <View className='card__actions'>
                    <Button className='btn run__free' type='danger' fill='outline' onClick={() => setOpen({ mode: 'free' })}>
                      记录表外隐患
                    </Button>
                    <Button className='btn run__good' type='success' fill='outline' onClick={() => setOpen({ mode: 'good' })}>
                      记录优点
                    </Button>
                  </View>
                )}
              </View>
            )}
            <Button className='block-btn run__detail' block fill='outline' type='primary' onClick={() => navigateTo(withQuery(ROUTES.inspection, { id }))}>
              {editable ? '回头看与提交' : '查看检查详情'}
            </Button>
            {serverFindings.filter((f) => !f.itemId).map((f) => (
              <View key={f.clientId} className='run__item'>
                <Text className={`run__finding${f.kind === 'good_practice' ? ' run__finding--good' : ''}`}>
                  {f.kind === 'good_practice' ? '优点' : '隐患'}：{f.description}
                </Text>
                <PhotoStrip server={f.photoIds.map(thumbUrl)} />
              </View>
            ))}
            {localFindings
              .filter((e) => !(e.payload as { itemId?: string | null }).itemId && ((e.payload as { workshopId?: string | null }).workshopId ?? '') === ws)
              .map((e) => (
                <View key={e.clientId} className='run__item'>
                  <Text className={`run__finding${e.kind === 'goodPractices' ? ' run__finding--good' : ''}`}>
                    {e.kind === 'goodPractices' ? '优点' : '隐患'}：{(e.payload as { description: string }).description}
                    {waiting.has(e.clientId) ? '（待同步）' : ''}
                  </Text>
                  <PhotoStrip {...stripOf(e)} />
                </View>
              ))}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default RunPage;
