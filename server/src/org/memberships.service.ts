import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { MembershipEntity } from './membership.entity';

/** Membership facts other features need, without touching org's tables themselves. */
@Injectable()
export class MembershipsService {
  constructor(@InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>) {}

  /** Of the given (enterprise, cooperative) pairs, those that are active memberships, as "e:c" keys. */
  async activePairs(pairs: { enterpriseId: string; cooperativeId: string }[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const p of pairs) {
      const exists = await this.memberships.existsBy({ ...p, until: IsNull() });
      if (exists) found.add(`${p.enterpriseId}:${p.cooperativeId}`);
    }
    return found;
  }
}
