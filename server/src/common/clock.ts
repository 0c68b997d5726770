import { Injectable } from '@nestjs/common';

/** The one source of "now" on the server, so tests and jobs can move time. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Tests only: shift the clock forward (or back) by ms. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
