/** Demo accounts signed in from loopback addresses of their own, re-signing in when a token is refused. */
import { ChaosHttpClient, type HttpAnswer, type HttpRequest, type RetryCounts } from './http-client.js';

export class SimulatedUser {
  private token?: string;

  constructor(
    readonly username: string,
    private readonly http: ChaosHttpClient,
  ) {}

  private async signIn(): Promise<string> {
    const answer = await this.http.acknowledged({ method: 'POST', path: '/api/auth/login', json: { username: this.username, password: 'motcua-demo' } });
    if (answer.status !== 200) throw new Error(`sign-in ${this.username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (this.token = answer.body.accessToken as string);
  }

  /** `acknowledged` with this user's token (a mutating request keeps its Idempotency-Key across re-sign-ins too). */
  async call(request: Omit<HttpRequest, 'token'>): Promise<HttpAnswer & { attempt: number }> {
    const answer = await this.http.acknowledged({ ...request, token: this.token ?? (await this.signIn()) });
    if (answer.status !== 401) return answer;
    const retried = await this.http.acknowledged({ ...request, token: await this.signIn() });
    return { ...retried, attempt: retried.attempt + answer.attempt };
  }

  close(): void {
    this.http.close();
  }
}

/** Hands out users, each on a loopback address of its own (127.0.x.y), all counting into one RetryCounts. */
export class UserPool {
  private nextAddress = 0;
  private readonly users: SimulatedUser[] = [];

  constructor(
    private readonly apiPort: number,
    readonly counts: RetryCounts,
  ) {}

  user(username: string): SimulatedUser {
    const index = this.nextAddress++;
    const address = `127.0.${10 + Math.floor(index / 250)}.${1 + (index % 250)}`;
    const user = new SimulatedUser(username, new ChaosHttpClient(this.apiPort, address, this.counts));
    this.users.push(user);
    return user;
  }

  close(): void {
    for (const user of this.users) user.close();
  }
}
