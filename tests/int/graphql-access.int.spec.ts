/** The §3 rule holds on GraphQL too: the same route handler the app serves at /api/graphql. */
import type { Payload } from 'payload'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let tree: Tree
let graphql: (query: string, token?: string) => Promise<any>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  tree = await createJurisdictionTree(payload)
  const post = GRAPHQL_POST(Promise.resolve(payload.config))
  graphql = async (query, token) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const response = await post(new Request('http://localhost:3000/api/graphql', { body: JSON.stringify({ query }), headers, method: 'POST' }))
    return response.json()
  }
  for (const visibility of ['public', 'shared', 'local'] as const) {
    await payload.create({
      collection: 'lessons',
      data: { _status: 'published', jurisdiction: tree.town.id, title: `课程-${visibility}`, visibility },
    })
  }
})
afterAll(async () => stop?.())

const LESSON_TITLES = '{ Lessons(limit: 50) { docs { title } } }'
const titlesOf = (body: any): string[] => body.data.Lessons.docs.map((doc: { title: string }) => doc.title).sort()

describe('GraphQL', () => {
  it('anonymous visitors get public lessons only; an unrelated member adds shared; a local member adds local', async () => {
    expect(titlesOf(await graphql(LESSON_TITLES))).toEqual(['课程-public'])
    const rest = new RestClient(payload)
    await createUser(payload, { email: 'far@gq.local', jurisdiction: tree.otherTown.id, role: 'member' })
    await createUser(payload, { email: 'near@gq.local', jurisdiction: tree.village.id, role: 'member' })
    expect(titlesOf(await graphql(LESSON_TITLES, await rest.login('far@gq.local', TEST_PASSWORD)))).toEqual(['课程-public', '课程-shared'])
    expect(titlesOf(await graphql(LESSON_TITLES, await rest.login('near@gq.local', TEST_PASSWORD)))).toEqual([
      '课程-local',
      '课程-public',
      '课程-shared',
    ])
  })

  it('a member cannot create a lesson through a mutation', async () => {
    const rest = new RestClient(payload)
    await createUser(payload, { email: 'm@gq.local', jurisdiction: tree.town.id, role: 'member' })
    const body = await graphql(
      `mutation { createLesson(data: { title: "越权", visibility: local, jurisdiction: ${tree.town.id} }) { id } }`,
      await rest.login('m@gq.local', TEST_PASSWORD),
    )
    expect(body.errors?.[0]?.message).toBeTruthy()
    expect((await payload.count({ collection: 'lessons', where: { title: { equals: '越权' } } })).totalDocs).toBe(0)
  })
})
