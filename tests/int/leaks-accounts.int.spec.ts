/**
 * Issue 8, "Take-overs" and "Sign-in": document locks, managing accounts, unlock, uniform sign-in answers and
 * rate limits, through REST and GraphQL, as an attacker with an ordinary account would try them.
 */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { sameId } from '@/utilities/relationId'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload, testDatabase } from '../helpers/payload'

// Tiny limits, so a few requests reach them. Requests without X-Forwarded-For have no address and only count
// against the per-account limits.
Object.assign(process.env, {
  COMMONS_RATE_FORGOT_ACCOUNT: '2/600',
  COMMONS_RATE_FORGOT_IP: '3/600',
  COMMONS_RATE_LOGIN_ACCOUNT: '8/600',
  COMMONS_RATE_LOGIN_IP: '5/600',
  COMMONS_RATE_LOGIN_IP_ACCOUNT: '3/600',
  COMMONS_RATE_SEARCH_IP: '3/600',
})

type Answer = { body: any; headers: Headers; status: number }

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let graphqlPost: ReturnType<typeof GRAPHQL_POST>

const call = async (
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST',
  path: string,
  { body, headers = {}, token }: { body?: unknown; headers?: Record<string, string>; token?: string } = {},
): Promise<Answer> => {
  const request = new Request(`http://localhost:3000/api${path}`, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Accept-Language': 'zh', 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
    method,
  })
  const response = await handleEndpoints({ config: payload.config, request })
  const text = await response.text()
  return { body: text ? JSON.parse(text) : null, headers: response.headers, status: response.status }
}

const graphql = async (query: string, { headers = {}, token }: { headers?: Record<string, string>; token?: string } = {}) => {
  const response = await graphqlPost(
    new Request('http://localhost:3000/api/graphql', {
      body: JSON.stringify({ query }),
      headers: { 'Accept-Language': 'zh', 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
      method: 'POST',
    }),
  )
  return { body: await response.json(), headers: response.headers }
}

const login = (email: string, password: string, headers?: Record<string, string>) =>
  call('POST', '/users/login', { body: { email, password }, headers })

const tokenOf = async (email: string, password = TEST_PASSWORD): Promise<string> => {
  const answer = await login(email, password)
  expect(answer.status, `login ${email}: ${JSON.stringify(answer.body)}`).toBe(200)
  return answer.body.token
}

const account = (role: 'admin' | 'instructor' | 'member' | 'organizer', name: string, jurisdiction: number | string) =>
  createUser(payload, { email: `${name}@accounts.local`, jurisdiction, role })

const lockRow = (relationTo: string, value: number | string, user: number | string) => ({
  document: { relationTo, value },
  user: { relationTo: 'users', value: user },
})

const countLocks = async () => (await payload.count({ collection: 'payload-locked-documents' })).totalDocs

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  graphqlPost = GRAPHQL_POST(Promise.resolve(payload.config))
})
afterAll(async () => stop?.())

describe('document locks', () => {
  let admin: User
  let member: User
  let instructor: User
  let organizer: User
  let hiddenLesson: number | string
  let ownLesson: number | string

  beforeAll(async () => {
    admin = await account('admin', 'lock-admin', tree.province.id)
    member = await account('member', 'lock-member', tree.town.id)
    instructor = await account('instructor', 'lock-instructor', tree.town.id)
    organizer = await account('organizer', 'lock-organizer', tree.district.id)
    hiddenLesson = (
      await payload.create({
        collection: 'lessons',
        data: { _status: 'published', jurisdiction: tree.otherTown.id, title: '别镇的本辖区课', visibility: 'local' },
      })
    ).id
    ownLesson = (
      await payload.create({
        collection: 'lessons',
        data: { _status: 'published', jurisdiction: tree.town.id, title: '讲师自己的课', visibility: 'public' },
        user: instructor,
      })
    ).id
  })

  it('a member cannot lock a hidden lesson or the admin’s account, nor in another user’s name; the admin still saves', async () => {
    const token = await tokenOf(member.email)
    const before = await countLocks()
    for (const row of [
      lockRow('lessons', hiddenLesson, member.id),
      lockRow('lessons', hiddenLesson, admin.id),
      lockRow('users', admin.id, admin.id),
      lockRow('users', admin.id, member.id),
      // Its own account, but in the admin's name.
      lockRow('users', member.id, admin.id),
    ]) {
      const answer = await call('POST', '/payload-locked-documents', { body: row, token })
      expect(answer.status, JSON.stringify(row)).toBe(403)
    }
    expect(await countLocks()).toBe(before)

    const adminToken = await tokenOf(admin.email)
    expect((await call('PATCH', `/lessons/${hiddenLesson}`, { body: { title: '管理员照常修改' }, token: adminToken })).status).toBe(200)
    expect((await call('PATCH', `/users/${admin.id}`, { body: { name: '管理员' }, token: adminToken })).status).toBe(200)
  })

  it('the same refusal through GraphQL', async () => {
    const token = await tokenOf(member.email)
    const value = JSON.stringify(admin.id)
    const { body } = await graphql(
      `mutation { createPayloadLockedDocument(data: { document: { relationTo: users, value: ${value} }, user: { relationTo: users, value: ${value} } }) { id } }`,
      { token },
    )
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await countLocks()).toBe(0)
  })

  it('an editor locks what it may edit as itself; who may edit sees and takes over the lock; others neither see nor remove it', async () => {
    const instructorToken = await tokenOf(instructor.email)
    const created = await call('POST', '/payload-locked-documents', { body: lockRow('lessons', ownLesson, instructor.id), token: instructorToken })
    expect(created.status).toBe(201)
    const lockId = created.body.doc.id
    const onLesson = { where: { 'document.value': { equals: ownLesson } } }
    const query = `?where[document.relationTo][equals]=lessons&where[document.value][equals]=${ownLesson}&depth=0`

    const memberToken = await tokenOf(member.email)
    expect((await call('GET', `/payload-locked-documents${query}`, { token: memberToken })).body.docs).toEqual([])
    expect([403, 404]).toContain((await call('DELETE', `/payload-locked-documents/${lockId}`, { token: memberToken })).status)
    const { body: gq } = await graphql('{ PayloadLockedDocuments { docs { id } } }', { token: memberToken })
    expect(gq.data.PayloadLockedDocuments.docs).toEqual([])
    expect((await payload.count({ collection: 'payload-locked-documents', ...onLesson })).totalDocs).toBe(1)

    // The organizer of the district may edit the lesson: it sees who is editing and takes over, in its own name only.
    const organizerToken = await tokenOf(organizer.email)
    const seen = await call('GET', `/payload-locked-documents${query}`, { token: organizerToken })
    expect(seen.body.docs.map((doc: { id: unknown }) => doc.id)).toEqual([lockId])
    const asOther = await call('PATCH', `/payload-locked-documents/${lockId}`, { body: { user: { relationTo: 'users', value: admin.id } }, token: organizerToken })
    expect(asOther.status).toBe(403)
    const takeOver = await call('PATCH', `/payload-locked-documents/${lockId}`, { body: { user: { relationTo: 'users', value: organizer.id } }, token: organizerToken })
    expect(takeOver.status).toBe(200)
    expect((await call('DELETE', `/payload-locked-documents/${lockId}`, { token: organizerToken })).status).toBe(200)
  })
})

describe('managing accounts', () => {
  let organizer: User
  let peer: User
  let adminBelow: User
  let organizerBelow: User
  let member: User
  let instructor: User
  let organizerToken: string
  const NEW_PASSWORD = 'taken-over-2026'

  beforeAll(async () => {
    organizer = await account('organizer', 'district-organizer', tree.district.id)
    peer = await account('organizer', 'district-peer', tree.district.id)
    adminBelow = await account('admin', 'town-admin', tree.town.id)
    organizerBelow = await account('organizer', 'town-organizer', tree.town.id)
    member = await account('member', 'village-member', tree.village.id)
    instructor = await account('instructor', 'town-instructor', tree.town.id)
    organizerToken = await tokenOf(organizer.email)
  })

  it('an organizer cannot set the password of an admin or a peer placed in its subtree, nor sign in as them', async () => {
    for (const target of [adminBelow, peer]) {
      const answer = await call('PATCH', `/users/${target.id}`, { body: { password: NEW_PASSWORD }, token: organizerToken })
      expect([403, 404], target.email).toContain(answer.status)
      expect((await login(target.email, NEW_PASSWORD)).status).toBe(401)
      expect((await login(target.email, TEST_PASSWORD)).status).toBe(200)
    }
    for (const target of [adminBelow, peer]) {
      expect([403, 404]).toContain((await call('DELETE', `/users/${target.id}`, { token: organizerToken })).status)
    }
  })

  it('the same refusal through GraphQL', async () => {
    const { body } = await graphql(
      `mutation { updateUser(id: ${JSON.stringify(adminBelow.id)}, data: { password: "${NEW_PASSWORD}" }) { id } }`,
      { token: organizerToken },
    )
    expect(body.errors?.[0]?.message).toBeTruthy()
    expect((await login(adminBelow.email, NEW_PASSWORD)).status).toBe(401)
  })

  it('an organizer manages members, instructors and organizers strictly below it', async () => {
    expect((await call('PATCH', `/users/${member.id}`, { body: { password: 'member-reset-2026' }, token: organizerToken })).status).toBe(200)
    expect((await login(member.email, 'member-reset-2026')).status).toBe(200)
    expect((await call('PATCH', `/users/${organizerBelow.id}`, { body: { name: '镇组织部门' }, token: organizerToken })).status).toBe(200)
    expect((await call('PATCH', `/users/${instructor.id}`, { body: { name: '镇讲师' }, token: organizerToken })).status).toBe(200)
  })

  it('nobody grants a role at or above their own: organizer only for a strictly lower jurisdiction, never admin', async () => {
    const toAdmin = await call('PATCH', `/users/${member.id}`, { body: { role: 'admin' }, token: organizerToken })
    expect(toAdmin.status).toBe(400)
    expect(toAdmin.body.errors[0].data.errors[0].message).toMatch(/管理员.*\/.*admin/)
    const peerOrganizer = await call('PATCH', `/users/${instructor.id}`, { body: { jurisdiction: tree.district.id, role: 'organizer' }, token: organizerToken })
    expect(peerOrganizer.status).toBe(400)
    const created = await call('POST', '/users', {
      body: { email: 'new-peer@accounts.local', jurisdiction: tree.district.id, name: '同级', password: TEST_PASSWORD, role: 'organizer' },
      token: organizerToken,
    })
    expect(created.status).toBe(400)
    expect((await payload.find({ collection: 'users', where: { email: { equals: 'new-peer@accounts.local' } } })).totalDocs).toBe(0)
    const self = await call('PATCH', `/users/${organizer.id}`, { body: { jurisdiction: tree.province.id, role: 'admin' }, token: organizerToken })
    expect(self.status).toBe(200)
    expect(self.body.doc.role).toBe('organizer')
    expect(sameId(self.body.doc.jurisdiction, tree.district.id)).toBe(true)

    const lower = await call('PATCH', `/users/${member.id}`, { body: { role: 'organizer' }, token: organizerToken })
    expect(lower.status).toBe(200)
    expect(lower.body.doc.role).toBe('organizer')
    const unchanged = (await payload.findByID({ id: instructor.id, collection: 'users' })).role
    expect(unchanged).toBe('instructor')
  })

  it('changing one’s own email or password needs the current password', async () => {
    const self = await account('member', 'self-service', tree.town.id)
    const token = await tokenOf(self.email)
    const missing = await call('PATCH', `/users/${self.id}`, { body: { password: 'stolen-session-1' }, token })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0].path).toBe('currentPassword')
    const wrong = await call('PATCH', `/users/${self.id}`, { body: { currentPassword: 'not-my-password', email: 'thief@accounts.local' }, token })
    expect(wrong.status).toBe(400)
    expect((await login(self.email, TEST_PASSWORD)).status).toBe(200)

    expect((await call('PATCH', `/users/${self.id}`, { body: { name: '改名不需要密码' }, token })).status).toBe(200)
    const right = await call('PATCH', `/users/${self.id}`, { body: { currentPassword: TEST_PASSWORD, password: 'my-new-pass-2026' }, token })
    expect(right.status).toBe(200)
    expect(right.body.doc.currentPassword).toBeUndefined()
    expect((await login(self.email, 'my-new-pass-2026')).status).toBe(200)

    const { body } = await graphql(
      `mutation { updateUser(id: ${JSON.stringify(self.id)}, data: { email: "thief2@accounts.local" }) { email } }`,
      { token: await tokenOf(self.email, 'my-new-pass-2026') },
    )
    expect(body.errors?.[0]?.extensions?.data?.errors?.[0]?.message).toMatch(/当前密码/)
  })

  it('passwords have at least 10 characters, with a message in Chinese and English', async () => {
    const admin = await account('admin', 'length-admin', tree.province.id)
    const token = await tokenOf(admin.email)
    const created = await call('POST', '/users', {
      body: { email: 'short@accounts.local', jurisdiction: tree.town.id, name: '短密码', password: 'short-pw1' },
      token,
    })
    expect(created.status).toBe(400)
    expect(created.body.errors[0].data.errors[0]).toMatchObject({ path: 'password' })
    expect(created.body.errors[0].data.errors[0].message).toMatch(/10 个字符.*\/.*10 characters/)
    expect((await call('PATCH', `/users/${member.id}`, { body: { password: '123456789' }, token })).status).toBe(400)
    expect((await call('PATCH', `/users/${member.id}`, { body: { password: '1234567890' }, token })).status).toBe(200)
  })
})

describe('unlock', () => {
  it('only someone who manages an account can unlock it', async () => {
    const locked = await account('member', 'locked-member', tree.village.id)
    const stranger = await account('member', 'stranger', tree.town.id)
    const manager = await account('organizer', 'unlocking-organizer', tree.town.id)
    const lockUntil = new Date(Date.now() + 10 * 60_000).toISOString()
    await payload.db.updateOne({ id: locked.id, collection: 'users', data: { lockUntil, loginAttempts: 5 } })
    const isLocked = async () => {
      const stored = await payload.db.findOne<{ id: number | string; lockUntil?: null | string }>({ collection: 'users', where: { id: { equals: locked.id } } })
      return Boolean(stored?.lockUntil && new Date(stored.lockUntil) > new Date())
    }

    const refused = await call('POST', '/users/unlock', { body: { email: locked.email }, token: await tokenOf(stranger.email) })
    expect(refused.status).toBe(403)
    expect(await isLocked()).toBe(true)
    const { body } = await graphql(`mutation { unlockUser(email: "${locked.email}") }`, { token: await tokenOf(stranger.email) })
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await isLocked()).toBe(true)

    expect((await call('POST', '/users/unlock', { body: { email: locked.email }, token: await tokenOf(manager.email) })).status).toBe(200)
    expect(await isLocked()).toBe(false)
  })
})

describe('sign-in answers', () => {
  it('unknown account, wrong password, the attempt that locks and a locked account answer alike; the lockout holds', async () => {
    const user = await account('member', 'lockout', tree.town.id)
    const unknown = await login('nobody@accounts.local', 'whatever-pass-1')
    expect(unknown.status).toBe(401)
    expect(unknown.body.errors[0].message).toBe('邮箱或密码不正确 / The email or password is incorrect.')
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await login(user.email, `wrong-password-${attempt}`)
      expect(wrong, `attempt ${attempt}`).toEqual({ ...unknown, headers: wrong.headers })
    }
    // Locked now: even the right password gets the same answer, and nothing says why.
    const locked = await login(user.email, TEST_PASSWORD)
    expect(locked).toEqual({ ...unknown, headers: locked.headers })
    const stored = await payload.db.findOne<{ id: number | string; lockUntil?: null | string }>({ collection: 'users', where: { id: { equals: user.id } } })
    expect(new Date(stored!.lockUntil!).getTime()).toBeGreaterThan(Date.now())

    const gqlLocked = await graphql(`mutation { loginUser(email: "${user.email}", password: "${TEST_PASSWORD}") { token } }`)
    const gqlUnknown = await graphql('mutation { loginUser(email: "nobody@accounts.local", password: "whatever-pass-1") { token } }')
    expect(gqlLocked.body.errors[0].message).toBe(gqlUnknown.body.errors[0].message)
    expect(gqlLocked.body.errors[0].extensions.name).toBe(gqlUnknown.body.errors[0].extensions.name)
  })
})

describe('rate limits', () => {
  const from = (address: string) => ({ 'X-Forwarded-For': address })

  it('login: per address and account, then per address; 429 with Retry-After and a bilingual message', async () => {
    const target = await account('member', 'brute-target', tree.town.id)
    const other = await account('member', 'brute-other', tree.town.id)
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await login(target.email, `guess-number-${attempt}`, from('198.51.100.7'))).status).toBe(401)
    }
    const limited = await login(target.email, TEST_PASSWORD, from('198.51.100.7'))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(limited.body.errors[0].message).toMatch(/请求过于频繁.*\/.*Too many requests/)
    // Another address may still sign in to that account.
    expect((await login(target.email, TEST_PASSWORD, from('198.51.100.8'))).status).toBe(200)
    // The first address has 5 attempts in all, whatever the account.
    expect((await login(other.email, TEST_PASSWORD, from('198.51.100.7'))).status).toBe(200)
    expect((await login('nobody@accounts.local', 'whatever-pass-1', from('198.51.100.7'))).status).toBe(429)
  })

  it('login: per account, whatever the address, also for unknown accounts; GraphQL too', async () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const answer = await login('spray@accounts.local', 'whatever-pass-1', from(`203.0.113.${attempt}`))
      expect(answer.status, `attempt ${attempt}`).toBe(401)
    }
    expect((await login('spray@accounts.local', 'whatever-pass-1', from('203.0.113.99'))).status).toBe(429)
    const { body, headers } = await graphql('mutation { loginUser(email: "spray@accounts.local", password: "whatever-pass-1") { token } }', {
      headers: from('203.0.113.100'),
    })
    expect(body.errors[0].extensions.statusCode).toBe(429)
    expect(Number(headers.get('Retry-After'))).toBeGreaterThan(0)
  })

  it('forgot-password: per account and per address', async () => {
    const user = await account('member', 'forgetful', tree.town.id)
    const forgot = (email: string, address: string) => call('POST', '/users/forgot-password', { body: { email }, headers: from(address) })
    expect((await forgot(user.email, '192.0.2.1')).status).toBe(200)
    expect((await forgot(user.email, '192.0.2.2')).status).toBe(200)
    const limited = await forgot(user.email, '192.0.2.3')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBeTruthy()
    expect((await forgot('a@accounts.local', '192.0.2.9')).status).toBe(200)
    expect((await forgot('b@accounts.local', '192.0.2.9')).status).toBe(200)
    expect((await forgot('c@accounts.local', '192.0.2.9')).status).toBe(200)
    expect((await forgot('d@accounts.local', '192.0.2.9')).status).toBe(429)
  })

  it('search: per address', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await call('GET', '/search?q=党员', { headers: from('192.0.2.50') })).status).toBe(200)
    }
    const limited = await call('GET', '/search?q=党员', { headers: from('192.0.2.50') })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(limited.body.errors[0].message).toMatch(/请求过于频繁.*\/.*Too many requests/)
    expect((await call('GET', '/search?q=党员', { headers: from('192.0.2.51') })).status).toBe(200)
  })

  it('counters live in the application’s own database, where every app process sees them', async () => {
    if (testDatabase() === 'mongodb') {
      const db = (payload.db as unknown as { connection: { db: { collection: (name: string) => any } } }).connection.db
      expect(await db.collection('rate-limits').countDocuments({ key: 'searchPerAddress:192.0.2.50' })).toBe(1)
      return
    }
    const { default: Database } = await import('libsql')
    const file = (payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url.replace(/^file:/, '')
    const other = new Database(file)
    const row = other.prepare('SELECT points FROM libsql_rate_limits WHERE key = ?').get('searchPerAddress:192.0.2.50') as { points: number }
    other.close()
    expect(row.points).toBe(4)
    // Payload's development schema push must leave the table alone (drizzle-kit skips `libsql_` tables).
    const adapter = payload.db as unknown as { drizzle: unknown; requireDrizzleKit: () => any; schema: unknown }
    const { statementsToExecute } = await adapter.requireDrizzleKit().pushSchema(adapter.schema, adapter.drizzle)
    expect(statementsToExecute.join('\n')).not.toContain('libsql_rate_limits')
  })
})
