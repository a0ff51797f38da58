import type { Jurisdiction } from '@/payload-types'

export type JurisdictionSeed = {
  name: string
  level: Jurisdiction['level']
  schoolTier?: Jurisdiction['schoolTier']
  description?: string
  children?: JurisdictionSeed[]
}

/** The five places of the corpus under their real province and city (names in Simplified script). */
export const JURISDICTION_TREE: JurisdictionSeed[] = [
  {
    name: '山东省',
    level: 'province',
    children: [
      {
        name: '淄博市',
        level: 'city',
        children: [
          {
            name: '博山区',
            level: 'county',
            schoolTier: 'county_center',
            description: '区委党校与镇党委党校共享焦裕禄精神专题课、本土教材和党校师资库。',
            children: [
              {
                name: '源泉镇',
                level: 'town',
                schoolTier: 'town_center',
                description:
                  '焦裕禄同志故乡。镇党委党校（党员教育中心）2020年成立，可容纳70余名党员干部培训，形成“1+N”特色课程体系。',
                children: [
                  { name: '岱北村', level: 'village', schoolTier: 'micro', description: '建有岱北村文化礼堂，是源泉镇现场教学点之一。' },
                  { name: '北崮山村', level: 'village', description: '焦裕禄故居和焦裕禄纪念馆所在村。' },
                ],
              },
            ],
          },
        ],
      },
      {
        name: '德州市',
        level: 'city',
        children: [
          {
            name: '宁津县',
            level: 'county',
            schoolTier: 'county_center',
            description: '深入实施“月训工程”，每月一培训、每月一主题；打造县级精品课程18部、精品教学路线5条。',
            children: [
              {
                name: '柴胡店镇',
                level: 'town',
                schoolTier: 'town_center',
                description: '乡镇党校，落实“一月一训”集体备课制度（演示数据：报告未点名具体乡镇）。',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    name: '山西省',
    level: 'province',
    children: [
      {
        name: '太原市',
        level: 'city',
        children: [
          {
            name: '娄烦县',
            level: 'county',
            children: [
              {
                name: '天池店乡',
                level: 'town',
                description: '构建教育供给链、实践养成链、数字服务链“三链融合”机制的农村党员教育新路径。',
                children: [
                  {
                    name: '孔河沟村',
                    level: 'village',
                    description: '建有占地3000平米的党员教育示范基地，可提供100人集中培训。',
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    name: '四川省',
    level: 'province',
    children: [
      {
        name: '成都市',
        level: 'city',
        schoolTier: 'city_center',
        description: '建成“微党校”4500余所、市级“中心校”26家，形成“15分钟党员学习圈”。',
        children: [
          {
            name: '新都区',
            level: 'county',
            children: [
              {
                name: '大同街道',
                level: 'town',
                schoolTier: 'town_center',
                children: [{ name: '新峰社区', level: 'village', schoolTier: 'micro', description: '社区“微党校”，党员在“家门口”参加教育培训。' }],
              },
            ],
          },
          {
            name: '彭州市',
            level: 'county',
            children: [
              {
                name: '隆丰街道',
                level: 'town',
                children: [{ name: '九九村', level: 'village', schoolTier: 'micro', description: '水雾栽培试点示范基地所在村。' }],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    name: '黑龙江省',
    level: 'province',
    children: [
      {
        name: '鸡西市',
        level: 'city',
        children: [
          {
            name: '麻山区',
            level: 'county',
            description: '构建“1+3+N”党群阵地：1个街道党校主阵地、3个社区分散教学点、N个红色现场教学点。',
            children: [
              {
                name: '麻山街道',
                level: 'town',
                schoolTier: 'town_center',
                description: '街道党校“源课堂”主阵地，按“六有”标准建立。',
                children: [{ name: '建国社区', level: 'village', schoolTier: 'micro', description: '社区分散教学点，设“红色观影”讲解点。' }],
              },
            ],
          },
        ],
      },
    ],
  },
]
