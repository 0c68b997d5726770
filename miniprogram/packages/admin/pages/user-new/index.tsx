import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ROLE_LABELS, type Role } from '../../../../../shared/enums';
import type { GrantDto, Me } from '../../../../../shared/schemas/auth';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { relaunch } from '../../../../lib/nav';
import { ROUTES } from '../../../../routes';
import { listCooperativePage, listRegions } from '../../../../services/org';
import { createUser } from '../../../../services/users';
import { ChoiceChips } from '../../components/choice-chips';
import { Button } from '../../components/nut';
import { type FieldErrors, missing, reportSaveError } from '../../lib/form';

// The desk roles the platform admin hands out here (members join through invitations instead).
const DESK_ROLES: Role[] = ['coop_admin', 'supervisor', 'expert', 'admin'];
const EMPTY = { username: '', password: '', name: '', role: '', cooperativeId: '', regionId: '' };

/** 新建桌面账号: a browser login for a coop admin, supervisor, expert or another platform admin. */
export function UserNewPage() {
  const options = useQuery(async () => {
    const [regions, coops] = await Promise.all([listRegions(), listCooperativePage(1, 100)]);
    return { regions: regions.items, coops: coops.items };
  }, []);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Me | null>(null);
  const set = (key: keyof typeof EMPTY) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const role = form.role as Role | '';

  const grant = (): GrantDto | null => {
    if (role === 'coop_admin') return { role, cooperativeId: form.cooperativeId };
    if (role === 'supervisor') return { role, regionId: form.regionId };
    if (role === 'expert') return form.regionId ? { role, regionId: form.regionId } : { role };
    if (role === 'admin') return { role };
    return null;
  };

  const save = async () => {
    const required: Record<string, string> = { username: '用户名', password: '初始密码', name: '姓名', role: '角色' };
    if (role === 'coop_admin') required.cooperativeId = '管理的合作社';
    if (role === 'supervisor') required.regionId = '监管区域';
    const errs = missing(form, required);
    if (form.password && form.password.length < 8) errs.password = '密码至少 8 位';
    setErrors(errs);
    const g = grant();
    if (Object.keys(errs).length > 0 || !g) return;
    setBusy(true);
    try {
      setCreated(await createUser({ username: form.username.trim().toLowerCase(), password: form.password, name: form.name.trim(), roles: [g] }));
      void Taro.showToast({ title: '账号已开设', icon: 'success' });
    } catch (e) {
      // the server names fields like roles.0.cooperativeId: show them on the scope choice
      reportSaveError(e, (f) => {
        const mapped: FieldErrors = {};
        for (const [k, v] of Object.entries(f)) mapped[k.replace(/^roles\.\d+\./, '')] = v;
        setErrors(mapped);
      });
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='card__title'>已开设：{created.name}</Text>
          <Text className='card__meta'>用户名 {created.username}</Text>
          <Text className='card__meta'>角色 {created.roles.map((g) => ROLE_LABELS[g.role]).join('、')}</Text>
          <Text className='card__meta'>请把用户名和初始密码当面或电话告知本人，在浏览器中打开本系统登录。</Text>
          <View className='card__actions'>
            <Button
              className='btn'
              type='primary'
              onClick={() => {
                setCreated(null);
                setForm(EMPTY);
              }}
            >
              再开一个
            </Button>
            <Button className='btn' onClick={() => relaunch(ROUTES.home)}>
              返回首页
            </Button>
          </View>
        </View>
      </View>
    );
  }

  const regions = options.data?.regions ?? [];
  return (
    <View className='page'>
      <StateView query={options}>
        <FormField label='姓名' name='name' value={form.name} error={errors.name} maxlength={40} placeholder='真实姓名或单位名称' onInput={set('name')} />
        <FormField label='用户名' name='newUsername' value={form.username} error={errors.username} maxlength={64} placeholder='字母、数字，用于登录' onInput={set('username')} />
        <FormField label='初始密码' name='newPassword' value={form.password} password error={errors.password} maxlength={128} placeholder='至少 8 位' onInput={set('password')} />
        <ChoiceChips label='角色' choices={DESK_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={form.role} error={errors.role ?? errors.roles} onChange={set('role')} />
        {role === 'coop_admin' && (
          <ChoiceChips
            label='管理的合作社'
            choices={(options.data?.coops ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={form.cooperativeId}
            error={errors.cooperativeId}
            onChange={set('cooperativeId')}
            emptyText='还没有合作社：请先新建合作社'
          />
        )}
        {(role === 'supervisor' || role === 'expert') && (
          <ChoiceChips
            label={role === 'supervisor' ? '监管区域' : '服务区域（选填，不选则不限）'}
            choices={regions.map((r) => ({ value: r.id, label: r.name }))}
            value={form.regionId}
            error={errors.regionId}
            onChange={set('regionId')}
          />
        )}
        <View className='block-btn'>
          <Button className='user-new__save' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
            开设账号
          </Button>
        </View>
      </StateView>
    </View>
  );
}

export default UserNewPage;
