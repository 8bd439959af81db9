import { ResourceMissingError } from '../../graph/errors.js'
import { isUserMember, mapGroup } from '../../graph/mappers/groups.js'
import type { GroupRow } from '../../graph/mappers/rows.js'
import { asRecord, requiredString, type GraphRecord } from '../../graph/mappers/values.js'
import { ChunkWriter } from '../dataset-writer.js'
import { recordWhere, type SyncContext, type SyncStep } from '../context.js'

interface GroupMemberRow {
  group_id: string
  user_id: string
}

/** Lists one group's members; returns the member count (all member types) or null when the export has none. */
async function writeMembers(context: SyncContext, groupId: string, writer: ChunkWriter<GroupMemberRow>): Promise<number | null> {
  let count = 0
  const seen = new Set<string>()
  try {
    for await (const page of context.source.pages('groupMembers', { groupId })) {
      for (const [index, record] of page.records.entries()) {
        const where = recordWhere(page.label, index)
        const member = asRecord(record, where)
        const memberId = requiredString(member, 'id', where)
        count += 1
        if (isUserMember(member) && !seen.has(memberId)) {
          seen.add(memberId)
          await writer.add({ group_id: groupId, user_id: memberId })
        }
      }
    }
  } catch (error) {
    if (error instanceof ResourceMissingError) return null
    throw error
  }
  return count
}

/** Groups and their user members: member counts need the member lists, so both datasets are one step. */
export const groupsStep: SyncStep = {
  name: 'groups',
  datasets: ['groups', 'groupMembers'],
  async run(context) {
    const groups: Array<{ record: GraphRecord; where: string; id: string }> = []
    try {
      for await (const page of context.source.pages('groups')) {
        for (const [index, record] of page.records.entries()) {
          const where = recordWhere(page.label, index)
          const group = asRecord(record, where)
          groups.push({ record: group, where, id: requiredString(group, 'id', where) })
        }
      }
    } catch (error) {
      if (error instanceof ResourceMissingError) return { skipped: error.message }
      throw error
    }

    const members = new ChunkWriter<GroupMemberRow>(context.db, 'm365_group_members', context.orgId, context.runId)
    const writer = new ChunkWriter<GroupRow>(context.db, 'm365_groups', context.orgId, context.runId)
    for (const group of groups) {
      const memberCount = await writeMembers(context, group.id, members)
      await writer.add(mapGroup(group.record, group.where, memberCount))
    }
    await members.flush()
    await writer.flush()
    return [
      { dataset: 'groups', count: writer.count, summary: { total: writer.count } },
      { dataset: 'groupMembers', count: members.count, summary: {} },
    ]
  },
}
