import { type EntitySubscriberInterface, EventSubscriber, type InsertEvent, type UpdateEvent } from 'typeorm';
import { MembershipEntity } from '../org/membership.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';

type Scope = Pick<RoleGrantEntity, 'cooperativeId' | 'enterpriseId' | 'regionId'>;

/** The non-null stand-in for a grant's nullable scope columns in its unique key. */
export const grantScopeKey = (g: Partial<Scope>): string =>
  `${g.cooperativeId ?? ''}/${g.enterpriseId ?? ''}/${g.regionId ?? ''}`;

/** 1 for an active membership, NULL for an ended one (NULLs never collide in a unique index). */
export const membershipActiveKey = (until: string | null | undefined): 1 | null => (until == null ? 1 : null);

/**
 * Fills the key columns that make "one active membership" and "one grant per scope" unique indexes on
 * both databases. Runs for save(), insert() and update() through repositories and query builders.
 */
@EventSubscriber()
export class DerivedKeysSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    this.fill(event.metadata.target, event.entity);
  }

  beforeUpdate(event: UpdateEvent<Record<string, unknown>>): void {
    this.fill(event.metadata.target, event.entity as Record<string, unknown> | undefined, true);
  }

  private fill(target: unknown, row: Record<string, unknown> | undefined, partial = false): void {
    if (!row) return;
    if (target === RoleGrantEntity) {
      // An update that sets only some scope columns cannot know the others: leave the key alone.
      const all = 'cooperativeId' in row && 'enterpriseId' in row && 'regionId' in row;
      if (!partial || all) row.scopeKey = grantScopeKey(row as Partial<Scope>);
    } else if (target === MembershipEntity) {
      if (!partial || 'until' in row) row.activeKey = membershipActiveKey(row.until as string | null | undefined);
    }
  }
}
