import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { createExpertSchema, EXPERT_FIELDS, type ExpertField } from '../../../../../shared/schemas/experts';
import { issuesToFields, zhErrorMap } from '../../../../../shared/zod-messages';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { managedPlaces, placeKey, placeRef } from '../../../../lib/places';
import { ROUTES } from '../../../../routes';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { createExpert, findCandidates } from '../../../../services/experts';
import { listCooperatives, listRegions } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../../../components/form-field.scss';
import '../../components/experts.scss';

type Mode = 'new' | 'existing';

const chip = (on: boolean, label: string, onClick: () => void, key: string, extra = '') => (
  <Text key={key} className={`exp__chip${extra}${on ? ' exp__chip--on' : ''}`} onClick={onClick}>
    {label}
  </Text>
);

/** 登记专家 (supervisor for a region they oversee or a cooperative in it, coop admin for their cooperative). */
export function RegisterPage() {
  const places = useQuery(async () => {
    const [me, regions, coops] = await Promise.all([cachedMe() ?? fetchMe(), listRegions(), listCooperatives(1, 100)]);
    return managedPlaces(me, regions.items, coops.items, true);
  }, []);
  const [mode, setMode] = useState<Mode>('new');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [search, setSearch] = useState('');
  // the lookup runs for the term searched (查找), not on every keystroke
  const [term, setTerm] = useState('');
  const found = useQuery(() => findCandidates(term), [term], { enabled: term.length >= 2 });
  const [field, setField] = useState<ExpertField | ''>('');
  const [certs, setCerts] = useState<string[]>(['']);
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  // one place (a coop admin): nothing to choose
  useEffect(() => {
    const list = places.data ?? [];
    if (!scope && list.length === 1) setScope(placeKey(list[0]));
  }, [places.data]);

  const submit = async () => {
    if (sending.current) return;
    const place = places.data?.find((p) => placeKey(p) === scope);
    const who = mode === 'new' ? { username, password, name } : { userId: userId.trim() || undefined };
    const parsed = createExpertSchema.safeParse(
      { ...who, field: field || undefined, certificates: certs.map((c) => c.trim()).filter(Boolean), title: title.trim() || null, ...placeRef(place) },
      { errorMap: zhErrorMap },
    );
    // zod checks who the expert is only once the rest is valid: an unpicked user is said at once
    const unpicked = mode === 'existing' && !userId;
    if (!parsed.success || unpicked) {
      const e = parsed.success ? {} : issuesToFields(parsed.error.issues);
      if (unpicked) e.userId = '请先查找并选择一位用户';
      if (e.field) e.field = '请选择专业领域';
      setErrors(e);
      return;
    }
    setErrors({});
    sending.current = true;
    setBusy(true);
    try {
      const x = await createExpert(parsed.data);
      void Taro.showToast({ title: `已登记${x.name}`, icon: 'success' }).catch(() => undefined);
      // back to the roster that opened this page; opened directly: the roster itself
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.expertRoster }).catch(() => undefined));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else toastError(err);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const scopeError = errors.regionId ?? errors.cooperativeId;
  const certError = Object.entries(errors).find(([k]) => k.startsWith('certificates'))?.[1];
  return (
    <View className='page exp exp-register'>
      <StateView query={places}>
        {places.data?.length === 0 && <Text className='hint'>只有监管人员和合作社管理员可以登记专家。</Text>}
        {places.data && places.data.length > 0 && (
          <View className='exp__form'>
            <View className='field'>
              <Text className='field__label'>专家账号</Text>
              <View className='exp__chips'>
                {chip(mode === 'new', '新建账号', () => setMode('new'), 'new', ' exp__mode-new')}
                {chip(mode === 'existing', '已有用户', () => setMode('existing'), 'existing', ' exp__mode-existing')}
              </View>
            </View>
            {mode === 'new' ? (
              <View>
                <FormField label='用户名' name='username' value={username} error={errors.username} maxlength={64} placeholder='登录用，如 zhou-expert' onInput={setUsername} />
                <FormField label='初始密码' name='password' password value={password} error={errors.password} maxlength={128} placeholder='至少 8 位' onInput={setPassword} />
                <FormField label='姓名' name='name' value={name} error={errors.name} maxlength={40} onInput={setName} />
              </View>
            ) : (
              <View>
                <FormField label='查找用户（用户名、绑定的手机号或姓名，须完全一致）' value={search} error={errors.userId}>
                  <View className='exp__search'>
                    <Input className='field__input exp__search-input' name='search' value={search} maxlength={64} placeholder='如 13800138000' onInput={(ev) => setSearch(ev.detail.value)} onConfirm={() => setTerm(search.trim())} />
                    <Text className='exp__chip exp__search-btn' onClick={() => setTerm(search.trim())}>
                      查找
                    </Text>
                  </View>
                </FormField>
                {term.length >= 2 && (
                  <View className='exp__found'>
                    <StateView query={found} empty={found.data?.items.length === 0} emptyText='没有找到可登记的用户（已有其他角色的用户不能登记为专家）。'>
                      <View className='exp__chips'>
                        {found.data?.items.map((u) =>
                          chip(userId === u.userId, `${u.name}${u.username ? ` · ${u.username}` : ''}${u.phone ? ` · ${u.phone}` : ''}${u.isExpert ? '（已是专家）' : ''}`, () => setUserId(u.userId), u.userId, ' exp__candidate'),
                        )}
                      </View>
                    </StateView>
                  </View>
                )}
              </View>
            )}
            <View className={`field${errors.field ? ' field--invalid' : ''}`}>
              <Text className='field__label'>专业领域</Text>
              <View className='exp__chips'>{EXPERT_FIELDS.map((f) => chip(field === f, f, () => setField(f), f, ' exp__field'))}</View>
              {errors.field && <Text className='field__error'>{errors.field}</Text>}
            </View>
            <View className={`field${certError ? ' field--invalid' : ''}`}>
              <Text className='field__label'>证书</Text>
              {certs.map((c, i) => (
                <View key={i} className='exp__cert'>
                  <Input
                    className='field__input exp__cert-input'
                    value={c}
                    maxlength={60}
                    placeholder='如：注册安全工程师（中级）'
                    onInput={(ev) => setCerts((cur) => cur.map((x, j) => (j === i ? ev.detail.value : x)))}
                  />
                  <Text className='exp__cert-remove' onClick={() => setCerts((cur) => (cur.length > 1 ? cur.filter((_, j) => j !== i) : ['']))}>
                    删除
                  </Text>
                </View>
              ))}
              {certs.length < 10 && (
                <Text className='exp__cert-add' onClick={() => setCerts((cur) => [...cur, ''])}>
                  ＋ 添加证书
                </Text>
              )}
              {certError && <Text className='field__error'>{certError}</Text>}
            </View>
            <FormField label='职称 / 单位' name='title' value={title} error={errors.title} maxlength={80} placeholder='如：高级工程师 · 日照市安全生产协会' onInput={setTitle} />
            <View className={`field${scopeError ? ' field--invalid' : ''}`}>
              <Text className='field__label'>服务范围</Text>
              <View className='exp__chips'>{places.data.map((p) => chip(scope === placeKey(p), `${p.name}（${p.label}）`, () => setScope(placeKey(p)), placeKey(p), ' exp__scope'))}</View>
              {scopeError && <Text className='field__error'>{scopeError}</Text>}
            </View>
            <View className='block-btn'>
              <Button className='exp__submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
                登记专家
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default RegisterPage;
