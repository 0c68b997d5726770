import type { Me } from '../../shared/schemas/auth';
import type { Cooperative, Region } from '../../shared/schemas/org';
import { managedPlaces, managesAny, placeRef } from './places';

const region = (id: string, name: string, parentId: string | null): Region => ({ id, name, level: parentId ? 'town' : 'district', parentId });
const REGIONS = [region('t-1', '涛雒镇', 'd-1'), region('d-1', '东港区', null), region('t-2', '西湖镇', 'd-1'), region('t-9', '别处镇', 'd-9')];
const coop = (id: string, name: string, regionId: string): Cooperative => ({
  id, name, regionId, regionName: '', industry: '', leadEnterpriseId: null, leadEnterpriseName: null, foundedOn: null, memberCount: 0, description: null,
});
const COOPS = [coop('c-1', '涛雒镇合作社', 't-1'), coop('c-2', '西湖镇合作社', 't-2'), coop('c-9', '别处合作社', 't-9')];
const me = (roles: Me['roles']): Me => ({ id: 'u', name: '某人', username: null, hasWechat: true, phone: null, roles });
const names = (m: Me, coops: boolean) => managedPlaces(m, REGIONS, COOPS, coops).map((p) => `${p.name}（${p.label}）`);

describe('managedPlaces', () => {
  it('a district supervisor: the district first, then its towns; its cooperatives only when asked', () => {
    const sup = me([{ role: 'supervisor', regionId: 'd-1' }]);
    expect(names(sup, false)).toEqual(['东港区（区）', '涛雒镇（镇）', '西湖镇（镇）']);
    expect(names(sup, true)).toEqual(['涛雒镇合作社（合作社）', '西湖镇合作社（合作社）', '东港区（区）', '涛雒镇（镇）', '西湖镇（镇）']);
  });

  it('a town supervisor: that town only; a coop admin: their cooperative only; a member: nothing', () => {
    expect(names(me([{ role: 'supervisor', regionId: 't-2' }]), true)).toEqual(['西湖镇合作社（合作社）', '西湖镇（镇）']);
    expect(names(me([{ role: 'coop_admin', cooperativeId: 'c-1' }, { role: 'member', cooperativeId: 'c-1', enterpriseId: 'e' }]), true)).toEqual(['涛雒镇合作社（合作社）']);
    const member = me([{ role: 'member', cooperativeId: 'c-1', enterpriseId: 'e' }]);
    expect(names(member, true)).toEqual([]);
    expect(managesAny(member)).toBe(false);
    expect(managesAny(me([{ role: 'supervisor', regionId: 'd-1' }]))).toBe(true);
  });

  it('the place as the API wants it', () => {
    const [c, d] = managedPlaces(me([{ role: 'admin' }]), REGIONS, COOPS, true).filter((p) => p.id === 'c-1' || p.id === 'd-1');
    expect(placeRef(c)).toEqual({ cooperativeId: 'c-1' });
    expect(placeRef(d)).toEqual({ regionId: 'd-1' });
    expect(placeRef(undefined)).toEqual({});
  });
});
