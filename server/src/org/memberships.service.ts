import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { MembershipEntity } from './membership.entity';

/** Membership facts other features need, without touching org's tables themselves. */
@Injectable()
export class MembershipsService {
  constructor(@InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>) {}

  /** Of the given (enterprise, cooperative) pairs, those that are active memberships, as "e:c" keys. One query. */
  async activePairs(pairs: { enterpriseId: string; cooperativeId: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = await this.memberships.find({
      where: { enterpriseId: In([...new Set(pairs.map((p) => p.enterpriseId))]), until: IsNull() },
      select: { enterpriseId: true, cooperativeId: true },
    });
    const wanted = new Set(pairs.map((p) => `${p.enterpriseId}:${p.cooperativeId}`));
    return new Set(rows.map((m) => `${m.enterpriseId}:${m.cooperativeId}`).filter((k) => wanted.has(k)));
  }
}
