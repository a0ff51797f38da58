import type { Payload } from 'payload'

export const TEST_PASSWORD = 'test-pass-123'

export type Relation = 'ancestor' | 'descendant' | 'same' | 'unrelated'
export const RELATIONS: Relation[] = ['same', 'ancestor', 'descendant', 'unrelated']
export const SIGNED_IN_ROLES = ['admin', 'organizer', 'instructor', 'member'] as const
export type SignedInRole = (typeof SIGNED_IN_ROLES)[number]

/**
 * 省 > 市 > 区 > 镇 (the owner, "same") > 村 (a descendant), and a sibling 镇 that is unrelated.
 * The 区 is the owner's ancestor.
 */
export const createJurisdictionTree = async (payload: Payload) => {
  const create = (name: string, level: string, parent?: number | string) =>
    payload.create({ collection: 'jurisdictions', data: { level: level as never, name, parent: parent as number | undefined } })
  const province = await create('山东省', '省')
  const city = await create('淄博市', '市', province.id)
  const district = await create('博山区', '区/县', city.id)
  const town = await create('源泉镇', '镇/街道', district.id)
  const village = await create('东高村', '村/社区', town.id)
  const otherTown = await create('池上镇', '镇/街道', district.id)
  return { city, district, otherTown, province, town, village }
}

export type Tree = Awaited<ReturnType<typeof createJurisdictionTree>>

export const jurisdictionFor = (tree: Tree, relation: Relation) =>
  ({ ancestor: tree.district, descendant: tree.village, same: tree.town, unrelated: tree.otherTown })[relation]

export const createUser = async (
  payload: Payload,
  { email, jurisdiction, role }: { email: string; jurisdiction: number | string; role: SignedInRole },
) =>
  payload.create({
    collection: 'users',
    data: { email, jurisdiction: jurisdiction as number, name: email.split('@')[0]!, password: TEST_PASSWORD, role },
  })
