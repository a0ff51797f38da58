import type { User } from '@/payload-types'

export type DemoAccount = {
  email: string
  password: string
  name: string
  role: User['role']
  /** name of the jurisdiction in `JURISDICTION_TREE` */
  jurisdiction: string
  sees: string
}

/** Demo only: these passwords are public in the repository; never keep the accounts on a real deployment. */
export const DEMO_PASSWORD = 'demo-pass-2026'

export const DEMO_ACCOUNTS = [
  {
    email: 'admin@demo.commons',
    password: DEMO_PASSWORD,
    name: '演示管理员',
    role: 'admin',
    jurisdiction: '山东省',
    sees: '全部内容，含所有草稿',
  },
  {
    email: 'organizer.boshan@demo.commons',
    password: DEMO_PASSWORD,
    name: '博山区委组织部（演示）',
    role: 'organizer',
    jurisdiction: '博山区',
    sees: '公开 + 共享内容；博山区、源泉镇及其村的本辖区内容和草稿',
  },
  {
    email: 'instructor.yuanquan@demo.commons',
    password: DEMO_PASSWORD,
    name: '源泉镇党委党校讲师（演示）',
    role: 'instructor',
    jurisdiction: '源泉镇',
    sees: '公开 + 共享；源泉镇上下级的本辖区内容；自己创建的草稿',
  },
  {
    email: 'organizer.ningjin@demo.commons',
    password: DEMO_PASSWORD,
    name: '宁津县委组织部（演示）',
    role: 'organizer',
    jurisdiction: '宁津县',
    sees: '公开 + 共享；宁津县及柴胡店镇的本辖区内容和草稿（月训课程包）',
  },
  {
    email: 'organizer.tianchidian@demo.commons',
    password: DEMO_PASSWORD,
    name: '天池店乡党委（演示）',
    role: 'organizer',
    jurisdiction: '天池店乡',
    sees: '公开 + 共享；天池店乡及孔河沟村的本辖区内容',
  },
  {
    email: 'organizer.chengdu@demo.commons',
    password: DEMO_PASSWORD,
    name: '成都市委组织部（演示）',
    role: 'organizer',
    jurisdiction: '成都市',
    sees: '公开 + 共享；成都市全部区、街道、社区的本辖区内容和草稿',
  },
  {
    email: 'organizer.mashan@demo.commons',
    password: DEMO_PASSWORD,
    name: '麻山区委组织部（演示）',
    role: 'organizer',
    jurisdiction: '麻山区',
    sees: '公开 + 共享；麻山区、麻山街道、建国社区的本辖区内容（菜单点课）',
  },
  {
    email: 'member.tianchidian@demo.commons',
    password: DEMO_PASSWORD,
    name: '天池店乡党员（演示）',
    role: 'member',
    jurisdiction: '天池店乡',
    sees: '公开 + 共享；天池店乡、娄烦县、太原市、山西省及孔河沟村的本辖区内容；看不到源泉镇等外地的本辖区内容',
  },
  {
    email: 'member.xinfeng@demo.commons',
    password: DEMO_PASSWORD,
    name: '新峰社区党员（演示）',
    role: 'member',
    jurisdiction: '新峰社区',
    sees: '公开 + 共享；新峰社区及其上级（大同街道、新都区、成都市、四川省）的本辖区内容；看不到九九村的本辖区内容',
  },
  {
    email: 'organizer.jianguo@demo.commons',
    password: DEMO_PASSWORD,
    name: '建国社区党委（演示）',
    role: 'organizer',
    jurisdiction: '建国社区',
    sees: '公开 + 共享；建国社区及其上级的本辖区内容；向麻山区的菜单点单，记录本社区的培训',
  },
  {
    email: 'lecturer.mashan@demo.commons',
    password: DEMO_PASSWORD,
    name: '林万生（讲师，演示）',
    role: 'instructor',
    jurisdiction: '麻山街道',
    sees: '公开 + 共享；麻山街道一线的本辖区内容；派给自己的课程申请（接单、婉拒）和自己授课的培训',
  },
] as const satisfies readonly DemoAccount[]

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]['email']
