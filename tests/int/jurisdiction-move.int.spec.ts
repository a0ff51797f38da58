import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createJurisdictionTree, createUser, TEST_PASSWORD, type Tree } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { RestClient } from '../helpers/rest'

let payload: Payload
let stop: () => Promise<void>
let rest: RestClient
let tree: Tree

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  rest = new RestClient(payload)
  tree = await createJurisdictionTree(payload)
})
afterAll(async () => stop?.())

const lessonIds = async (token: string) => {
  const { body } = await rest.find('lessons', token)
  return new Set(body.docs.map((doc: { id: number | string }) => String(doc.id)))
}

describe('moving a jurisdiction', () => {
  it('carries descendants, their users and their items to the new place, and changes who sees local items', async () => {
    // 源泉镇 (with 东高村 below it) moves from 博山区 to a new 淄川区.
    const newDistrict = await payload.create({
      collection: 'jurisdictions',
      data: { level: 'county', name: '淄川区', parent: tree.city.id },
    })
    await createUser(payload, { email: 'old.district@test.local', jurisdiction: tree.district.id, role: 'organizer' })
    await createUser(payload, { email: 'new.district@test.local', jurisdiction: newDistrict.id, role: 'member' })
    const villager = await createUser(payload, { email: 'villager@test.local', jurisdiction: tree.village.id, role: 'member' })
    const oldToken = await rest.login('old.district@test.local', TEST_PASSWORD)
    const newToken = await rest.login('new.district@test.local', TEST_PASSWORD)

    const villageLesson = await payload.create({
      collection: 'lessons',
      data: { _status: 'published', jurisdiction: tree.village.id, title: '村级微党课', visibility: 'local' },
    })
    const villageDraft = await payload.create({
      collection: 'lessons',
      data: { _status: 'draft', jurisdiction: tree.village.id, title: '村级草稿', visibility: 'local' },
      draft: true,
    })
    expect((await lessonIds(oldToken)).has(String(villageLesson.id))).toBe(true)
    expect((await lessonIds(newToken)).has(String(villageLesson.id))).toBe(false)

    const moved = await rest.update('jurisdictions', tree.town.id, { parent: newDistrict.id }, (await rest.login('old.district@test.local', TEST_PASSWORD)))
    // The old district organizer may not move a town out of their own subtree.
    expect(moved.status).toBe(403)

    await payload.update({ id: tree.town.id, collection: 'jurisdictions', data: { parent: newDistrict.id } })

    const town = await payload.findByID({ id: tree.town.id, collection: 'jurisdictions', depth: 0 })
    const village = await payload.findByID({ id: tree.village.id, collection: 'jurisdictions', depth: 0 })
    const expectedTownPath = `/${tree.province.id}/${tree.city.id}/${newDistrict.id}/`
    expect(town.ancestorPath).toBe(expectedTownPath)
    expect(village.ancestorPath).toBe(`${expectedTownPath}${tree.town.id}/`)

    const lesson = await payload.findByID({ id: villageLesson.id, collection: 'lessons', depth: 0 })
    expect(lesson.jurisdictionPath).toBe(`${expectedTownPath}${tree.town.id}/${tree.village.id}/`)
    const user = await payload.findByID({ id: villager.id, collection: 'users', depth: 0 })
    expect(user.jurisdictionPath).toBe(lesson.jurisdictionPath)

    expect((await lessonIds(oldToken)).has(String(villageLesson.id))).toBe(false)
    expect((await lessonIds(newToken)).has(String(villageLesson.id))).toBe(true)

    // Drafts follow too: the old district's organizer no longer reaches the village's draft.
    const draftRead = await rest.findByID('lessons', villageDraft.id, oldToken, { draft: true })
    expect([403, 404]).toContain(draftRead.status)
  })

  it('a move to another level changes the depth of the node and of everything below it', async () => {
    const create = (name: string, level: string, parent: number | string) =>
      payload.create({ collection: 'jurisdictions', data: { level: level as never, name, parent: parent as number } })
    const district = await create('周村区', '区/县', tree.city.id)
    const town = await create('王村镇', '镇/街道', district.id)
    const village = await create('萌山村', '村/社区', town.id)
    expect([district.depth, town.depth, village.depth]).toEqual([2, 3, 4])
    // the town is run straight from the city now
    await payload.update({ id: town.id, collection: 'jurisdictions', data: { parent: tree.city.id } })
    const depthOf = async (id: number | string) => (await payload.findByID({ id, collection: 'jurisdictions', depth: 0 })).depth
    expect([await depthOf(town.id), await depthOf(village.id)]).toEqual([2, 3])
  })

  it('refuses to move a node under its own descendant, and nothing changes', async () => {
    const before = await payload.findByID({ id: tree.town.id, collection: 'jurisdictions', depth: 0 })
    await expect(
      payload.update({ id: tree.town.id, collection: 'jurisdictions', data: { parent: tree.village.id } }),
    ).rejects.toMatchObject({ data: { errors: [{ message: expect.stringMatching(/自己或它的下级/), path: 'parent' }] } })
    const after = await payload.findByID({ id: tree.town.id, collection: 'jurisdictions', depth: 0 })
    expect(after.ancestorPath).toBe(before.ancestorPath)
  })

  it('refuses to delete a jurisdiction that still owns users or content', async () => {
    const result = await rest.delete('jurisdictions', tree.village.id, await adminToken())
    expect(result.status).toBe(409)
    expect(JSON.stringify(result.body)).toMatch(/不能删除/)
    expect((await payload.count({ collection: 'jurisdictions', where: { id: { equals: tree.village.id } } })).totalDocs).toBe(1)
  })
})

const adminToken = async () => {
  await createUser(payload, { email: 'admin.move@test.local', jurisdiction: tree.province.id, role: 'admin' }).catch(() => null)
  return rest.login('admin.move@test.local', TEST_PASSWORD)
}
