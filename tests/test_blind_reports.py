"""How well `extract` generalises to report texts it was never developed on: sets of reports in the
genre's phrasings (tests/fixtures/blind_reports*, blind_excerpts2 … and the saved web pages of
blind_pages), for regions outside the corpus, the blind excerpts and each other, keyed by hand
before the extractor was run on any of them (key.toml of each folder), scored by the rules of
test_corpus_accuracy.

Unlike the excerpts, each text keeps a whole review (the year's summary, sections on the year's
work, often a five-year review) and the sections after the targets, so that figures of other
periods and the year's tasks are there to be told apart. The second set was written after the
extractor had been fixed on the first: its longer texts add a plan report's review quoting the
year's own targets, 1—11月 and quarterly figures, other regions' figures and a thirty-year review.

Each report is read as `csplan extract FILE` reads it: no region and no years are given, the
extractor finds them in the text, and the bundled store names the indicators it knows.

The floors are what the extractor achieves today, rounded down to the percent: they record the
figures and fail on a change that lowers them. They are not a goal.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import test_blind_excerpts as excerpts
import test_corpus_accuracy as accuracy
import test_corpus_heldout as heldout

from csplan.extract import extract, read_document
from csplan.locate import bundled_store
from csplan.store import load

FIXTURES = Path(__file__).with_name("fixtures")


@dataclass(frozen=True)
class BlindSet:
    folder: Path
    min_recall: float
    min_precision: float
    length: tuple[int, int]  # characters of each text, whitespace aside
    reports: int = 10
    headless: bool = False  # excerpts without their head: named by their files, as the CLI reads them

    def key(self) -> list[dict]:
        with open(self.folder / "key.toml", "rb") as f:
            return tomllib.load(f)["report"]


SETS = {
    # 289 of 289 required facts (265 before any change made for them), 328 of 328 emitted (296 of
    # 303 before). yuhang's trade and jobs, stated only in sections of a plan report, came last: a
    # section's sentence that opens on a common indicator gives it, though the report sets no target
    # for it. kunshan's trade in 亿美元 is trade since an indicator may be stated in either currency.
    # (控制在3%左右, keyed about here, is read as at most since blind_excerpts33: floor one step lower)
    "blind_reports": BlindSet(FIXTURES / "blind_reports", 0.99, 0.99, (1500, 4000)),
    # Tuned: 293 of 294 required facts, 333 of 333 emitted, after the fixes its faults called for
    # (untuned, for the record: 222 of 294, 253 of 277; hubei's review quoting the year's own target
    # taken for the targets, baoji's 目标任务是 not read as a lead-in, wuhou's 十五五 goals under the
    # targets heading taken for the list, names the lexicon lacked, 3.500万元 and 城镇、农村牧区 misread,
    # 约5.6万人 in a section dropped, 城乡…均 read as one figure, cixi's trade in 亿美元 made an
    # indicator of its own). The key's 新增就业岗位 (posts, 万个) was moved from new_urban_jobs
    # (persons, 万人) to its own name. Still missed: baotou's grain, stated only in a section of a
    # plan report that sets no grain target (a detail, by the rule for plan reports).
    "blind_reports2": BlindSet(FIXTURES / "blind_reports2", 0.99, 0.99, (2500, 5000)),
    # Whole government work reports of 9,000–14,000 characters, each written from memory of that
    # region's real ones. Untuned: 342 of 358 required facts, 424 of 444 emitted; after general
    # fixes (another region's 全省/从全国看, 方面 paragraphs of targets, 其中 parts in a 分别 list,
    # 财政总收入和一般公共预算收入…同步, 商品进出口总值, a five-year review's 2016年…, a paragraph
    # of the year's work after the summary, FDI in 亿元 where the bundled store's is in 万美元) and
    # the key's corrections (key.toml's header): 358 of 358 and 451 of 454. Still wrong: foshan's
    # 能耗完成…年度控制目标 read as the year's task, and tianhe's 税收总额, which the key leaves out.
    # (控制在3%左右, keyed about here, is read as at most since blind_excerpts33: floor one step lower)
    "blind_reports3": BlindSet(FIXTURES / "blind_reports3", 0.99, 0.98, (9000, 14000), 12),
    # Written after the fixes for the third set, three of them as copied from a web site. Untuned:
    # 348 of 356 required facts, 451 of 464 emitted. After general fixes (扣除留抵退税因素后同口径
    # 增长, a review quoting the year's targets (…增长7%的预期目标均超额完成), 都市圈 figures, a rate
    # in ‰, 公共财政总收入, tasks named with 及以上 or Ⅲ, 内蒙古自治区's id) and the key's
    # corrections (key.toml's header): 359 of 359 and 463 of 468. Still wrong: a review's
    # 能耗完成…目标 read as the year's task (twice), 常住人口 and 全口径税收收入 beside the summary,
    # and a 环境质量改善 task the key leaves out.
    "blind_reports4": BlindSet(FIXTURES / "blind_reports4", 0.99, 0.98, (9000, 14000), 12),
    # Fourteen excerpts (title, date line, summary, targets), written after the fixes for the fourth
    # set. Untuned: 340 of 362 required facts, 379 of 397 emitted (qingdao's 今后五年…主要目标是
    # taken for the year's targets, nine facts). After general fixes (今后五年 goals, 城镇…元，农村…元，
    # 分别增长, 总量达, a target after the targets' table, “十四五”末 goals, 实到外资, 财政收入,
    # 碳排放 sharing 单位生产总值, words of work beside a task's indicator) and the key's
    # corrections (key.toml's header): 363 of 364 and 402 of 406.
    # Since read: wujin's 主要指标完成情况和2025年预期目标见下表 as its targets, whose energy row is
    # 单位地区生产总值能耗 (the key, from the sentence after: 节能减排降碳): 362 of 364, 402 of 407.
    "blind_excerpts2": BlindSet(FIXTURES / "blind_excerpts2", 0.99, 0.98, (800, 3000), 14),
    # Written after every fix above and run once untuned: 161 of 164 required facts (98.2 %), 200 of
    # 206 emitted (97.1 %). Then 稳规模、优结构 and R&D经费支出占地区生产总值比重: 163 of 164, 203 of
    # 209. Still wrong: 生态环境质量 and 环境质量 tasks beside the energy task (the corpus's key makes
    # them optional; these writers did not key them), a review's 节能减排降碳任务 done, tianjin's
    # 主要污染物减排 (keyed as energy_saving) and its 其中高技术产业增加值.
    "blind_reports5": BlindSet(FIXTURES / "blind_reports5", 0.99, 0.97, (9000, 14000), 6),
    # Seven excerpts and three whole reports, written after every fix above; run once, untuned,
    # and the extractor left as it was: 244 of 245 required facts (99.6 %), 289 of 294 emitted
    # (98.3 %). Missed: changchun's 按自然口径下降11.3%. Wrong: lanzhou's 大口径财政收入 and a
    # 30%以上 investment growth the key does not name as the year's, shenyang's PM2.5 level and
    # lasa's 高校毕业生就业率, beside the summary, which the key leaves out.
    "blind_reports6": BlindSet(FIXTURES / "blind_reports6", 0.99, 0.98, (800, 14000), 10),
    # Fourteen excerpts written after every fix above, three of them plan reports and two as copied
    # from a PDF. Untuned: 340 of 362 required facts (93.9 %), 392 of 398 emitted (98.5 %): xuzhou's
    # targets in a table whose cells a space apart (11 facts), 迈上5000亿元新台阶、达到5002.1亿元, a
    # district's 全市 figure, 相当于地区生产总值的比重, 货物出口, 止跌回稳, two income tasks in one
    # clause. After general fixes for each: 361 of 362 and 414 of 417. Still wrong: xizang's
    # 能耗强度降低和主要污染物减排 read as two tasks (the key: one energy_saving), and anji's 环境质量
    # task, which the key leaves out.
    "blind_excerpts3": BlindSet(FIXTURES / "blind_excerpts3", 0.99, 0.98, (800, 3000), 14),
    # Eight whole reports, written at the same time as the set above and run once after its fixes:
    # 223 of 238 required facts (93.7 %), 292 of 303 emitted (96.4 %): wuhan's targets going on in
    # a paragraph of their own (从分项指标看，…, 9 facts), 外贸进出口逆势增长10.7%，总额达到…, 自营出口,
    # and a review section's 完成…节能减排任务 taken for a figure of the year. After general fixes
    # for each: 237 of 238, 306 of 311. Still wrong: 环境质量 tasks beside the energy task, which
    # these writers do not key (the real reports' independent keys do), and xizang's 能耗强度降低和
    # 主要污染物减排 read as two tasks.
    "blind_reports7": BlindSet(FIXTURES / "blind_reports7", 0.99, 0.98, (9000, 14000), 8),
    # Five saved web pages, read as `csplan extract PAGE.html` reads them. Untuned: 122 of 126
    # required facts (96.8 %), 146 of 149 emitted (98.0 %): a page laid out in a table read as one
    # table row, a targets table whose lead-in has its caption joined to it, 闵行 romanised minxing,
    # 人口自然增长率控制在市下达的计划以内. After general fixes for each: 126 of 126, 150 of 151. Still
    # wrong: minhang's 城镇调查失业率控制在市下达的目标以内 in the review, read as the year's task done.
    "blind_pages": BlindSet(FIXTURES / "blind_pages", 1.0, 0.99, (1500, 3000), 5),
    # Fourteen excerpts written beside the pages, four of them plan reports. Untuned: 339 of 383
    # required facts (88.5 %), 382 of 389 emitted (98.2 %): guilin's and jiaxing's target tables
    # (完成情况及2021年主要预期目标见下表, a PDF table's wrapped row, cells 份额稳中有升 and 完成省下达目标),
    # dali's targets in the paragraphs after 主要预期目标为：, 分别增长7%和8.1%、达到27265元和12178元,
    # 增速高于全省0.3个百分点…总量达到, 全口径财政收入, 两项指标未达到预期. After general fixes for
    # each: 378 of 383, 425 of 428. Still missed: a table's column of last year's results read only
    # for the indicators the summary lacks, and dali's 能耗和主要污染物排放量…节能减排目标任务 read as
    # a task of each indicator (the key: one energy_saving).
    "blind_excerpts4": BlindSet(FIXTURES / "blind_excerpts4", 0.98, 0.99, (800, 3000), 14),
    # Eight whole reports written beside them. Untuned: 203 of 228 required facts (89.0 %), 286 of
    # 294 emitted (97.3 %): qujing's 预期目标还有差距 taken for the lead-in (11 facts), wuqing's
    # 主要预期目标安排如下。 with the targets in the sentences after (10), a zone's trade, 外资超3000万
    # 美元项目. After general fixes for each: 226 of 228, 311 of 314. Still wrong: yudu's 农民人均纯收入
    # (see the key's header), hengyang's 其中产业投资.
    "blind_reports8": BlindSet(FIXTURES / "blind_reports8", 0.99, 0.98, (9000, 14000), 8),
    # Fourteen excerpts, each hard in a way real reports are, written after every fix above.
    # Untuned: 322 of 344 required facts (93.6 %), 378 of 383 emitted (98.7 %): jinhua's targets as
    # 指标：目标 lines (11 facts), xuchang's in the paragraphs after 安排如下： with explanations
    # between (9), 按自然口径增长, 同时，要完成…目标任务. After general fixes for each: 343 of 344, 401
    # of 406. Still wrong: 环境质量 tasks the writer does not key, and 单位GDP能耗、碳排放降低：完成省下达
    # 任务 read as a task of each (the key: one energy_saving).
    "blind_excerpts5": BlindSet(FIXTURES / "blind_excerpts5", 0.99, 0.98, (800, 3000), 14),
    # Eight whole reports, four of them plan reports, written beside the set above. Untuned: 232
    # of 252 required facts (92.1 %), 285 of 304 emitted (93.8 %): guangyang's “十五五”时期…主要目标
    # 建议为 taken for the year's targets (11 facts). After that general fix: 243 of 252, 296 of 312.
    # Then a task naming pollutants beside the energy intensity read as the one energy task (as
    # this writer and most others key it): 245 of 252, 298 of 309. The rest is where readers
    # differ (see the key's header): five CPI targets 控制在3%左右, a plan report's summary stating
    # the year's energy task done (the bundled store keeps Cangshan's), and 农民人均纯收入.
    "blind_reports9": BlindSet(FIXTURES / "blind_reports9", 0.97, 0.96, (9000, 14000), 8),
    # Fourteen excerpts written after every fix above. Untuned: 329 of 335 required facts (98.2 %),
    # 362 of 373 emitted (97.1 %). Then 原盐、纯碱、碳酸锂产量 named each with its 产量: 364 of 373. The
    # rest is where readers differ: three CPI targets 控制在…左右, 农民人均纯收入 (two energy tasks
    # since read as the key reads them: 330 of 335, 367 of 373).
    "blind_excerpts6": BlindSet(FIXTURES / "blind_excerpts6", 0.98, 0.98, (800, 3000), 14),
    # Eight whole reports written beside the set above. Untuned: 235 of 248 required facts (94.8 %),
    # 296 of 300 emitted (98.7 %): maanshan's summary of levels with the growths in the sections,
    # tianshui's 同时，确保完成约束性指标：… after a one-sentence paragraph of targets, 保持稳中提质.
    # After general fixes for each: 243 of 248, 304 of 310; then a section's 其中出口 after its total:
    # 246 of 248, 307 of 313; then 中心城市 air and a 主要污染物减排 task named as the key names them:
    # 248 of 248, 311 of 315.
    "blind_reports10": BlindSet(FIXTURES / "blind_reports10", 1.0, 0.98, (9000, 14000), 8),
    # Ten excerpts of districts and counties written after every fix above. Untuned: 246 of 246
    # required facts, 272 of 275 emitted (98.9 %). Then 能源双控 named as the energy task: 272 of
    # 274. Still wrong: two 环境质量 tasks beside the energy task, which the writer does not key.
    "blind_excerpts7": BlindSet(FIXTURES / "blind_excerpts7", 1.0, 0.99, (800, 3000), 10),
    # Six whole reports of cities written beside the set above. Untuned: 172 of 176 required facts
    # (97.7 %), 226 of 231 emitted (97.8 %). Then a summary's growth whose level a section gives:
    # 173 of 176, 227 of 232; a section's 其中出口 after its total: 229 of 234; energy targets naming
    # pollutants read as one energy task, as the key has them: 175 of 176, 232 of 232. Still missed:
    # PM2.5平均浓度持续下降, not read as a task.
    "blind_reports11": BlindSet(FIXTURES / "blind_reports11", 0.99, 1.0, (9000, 14000), 6),
    # Twelve excerpts of the north, north-east and west, five of them plan reports. Untuned: 295 of
    # 314 required facts (93.9 %), 329 of 344 emitted (95.6 %): chifeng's table as a PDF's text gives
    # it (its header and two cells wrapped onto lines of their own, a blank unit) after 其他主要指标
    # 见下表, and 大口径财政收入 / 一般公共预算全口径收入 / 地方级收入 not named. After general fixes: 312
    # of 314, 348 of 355; zhangye's four pollutants' tasks done read as one energy task: 350 of 354.
    # Still wrong: tonghua's trade told in a plan report's section (not swept, by the rule for plan
    # reports), the year's energy tasks done, 稳定在100万亩以上 of a crop.
    "blind_excerpts8": BlindSet(FIXTURES / "blind_excerpts8", 0.99, 0.98, (800, 3000), 12),
    # Six whole reports of provinces, each of a year the corpus lacks. Untuned: 173 of 180 required
    # facts (96.1 %), 222 of 231 emitted (96.1 %): 迈上5万亿元新台阶，达到…, 相当于生产总值的2.65%,
    # 设区城市空气质量优良天数比例, an energy task naming pollutants. After general fixes: 180 of 180,
    # 235 of 240. Still wrong: the summary's growths of three kinds of industry, which the writer
    # does not key, and a PM2.5 level.
    "blind_reports12": BlindSet(FIXTURES / "blind_reports12", 1.0, 0.97, (9000, 14000), 6),
    # Six whole reports of counties, county-level cities and districts, two of them plan reports.
    # Untuned: 159 of 171 required facts (93.0 %), 213 of 215 emitted (99.1 %): minhou's headline
    # figures each under a label (1.地区生产总值。预计全年完成…), rugao's 连续十五年 read as a review
    # of five years, 力争总量达到600亿元. After general fixes: 171 of 171, 234 of 238. Still wrong:
    # four 其中 parts of minhou's summary that the writer does not key.
    "blind_reports13": BlindSet(FIXTURES / "blind_reports13", 1.0, 0.98, (9000, 14000), 6),
    # Twelve excerpts of plan reports. Untuned: 292 of 344 required facts (84.9 %), 320 of 335
    # emitted (95.5 %): targets under （一）预期性指标 / （二）约束性指标 (jingmen, 19 facts), a PDF table
    # with a 属性 column after a sentence naming the five-year plan's 到2025年 goal (chuzhou, 12),
    # dazhou's results in a table of their own (9), liaocheng's wrapped names, shuyang's 创新驱动：…
    # paragraphs. After general fixes for each: 340 of 344, 368 of 379. The rest is where readers
    # differ: 城乡居民人均可支配收入…同步 (this writer names it; 62 facts of the other keys read it as
    # disposable_income), an energy task of 能耗和二氧化碳排放 keyed as one, the year's energy tasks
    # done, and a summary's counts the writer does not key.
    "blind_excerpts9": BlindSet(FIXTURES / "blind_excerpts9", 0.98, 0.97, (800, 3000), 12),
    # Five whole reports of cities, two of 2015–2016, one of a 换届 year, two of 2026. Untuned: 155
    # of 158 required facts (98.1 %), 200 of 201 emitted (99.5 %): wuzhou's 以及2022年主要工作安排
    # taken for the year reviewed, so its sections' 2021年 figures were left out; 碳排放双控 not
    # named as the energy task. After general fixes for each: 158 of 158, 207 of 207.
    "blind_reports14": BlindSet(FIXTURES / "blind_reports14", 1.0, 1.0, (9000, 14000), 5),
    # Twelve hard excerpts of districts, county-level cities and a county. Untuned: 274 of 289
    # required facts (94.8 %), 315 of 321 emitted (98.1 %): 分别达到…元、…元，均增长8.3%, 分别达到…和…、
    # 分别增长…和…, 规模以上固定资产投资, 外贸进出口保持平稳 read as 持平, 外贸出口稳中有升. After general
    # fixes for each: 285 of 289, 326 of 329. The rest is where readers differ: 农民人均纯收入, and
    # jiangjin's trade after 综合保税区正式封关运行, read as the zone's (as hengyang's is).
    "blind_excerpts10": BlindSet(FIXTURES / "blind_excerpts10", 0.98, 0.99, (800, 3000), 12),
    # Four whole plan reports. Untuned: 101 of 131 required facts (77.1 %), 129 of 134 emitted
    # (96.3 %): wujiang's table as a PDF's text gives it, its class column given on the first row of
    # each class and its names numbered (17 facts), jiashan's review 全年主要预期目标中，…的目标略有差距
    # taken for the targets (13). After general fixes for each: 131 of 131, 170 of 174. Still wrong:
    # three 其中 parts of jiashan's summary the writer does not key, a 环境质量 task.
    "blind_reports15": BlindSet(FIXTURES / "blind_reports15", 1.0, 0.97, (9000, 14000), 4),
    # Ten excerpts of provincial plan reports. Untuned: 327 of 335 required facts (97.6 %), 371 of
    # 380 emitted (97.6 %): 地方收入 not named, a table's task naming two indicators read as one,
    # 森林覆盖率保持全国首位, 州（市）政府所在地城市环境空气质量…. After general fixes: 332 of 335, 377 of
    # 383. The rest is where readers differ: 能耗和二氧化碳排放降低完成…任务 read as a task of each (this
    # writer: one energy task), 主要污染物排放总量持续减少，完成…任务, and two kinds of industry's growths.
    "blind_excerpts11": BlindSet(FIXTURES / "blind_excerpts11", 0.99, 0.98, (800, 3000), 10),
    # Four whole reports as a PDF's text gives them. Untuned: 122 of 129 required facts (94.6 %),
    # 150 of 150 emitted: anqing's targets go on in a line after one ending in a full stop, which
    # opens on 财政收入增长与经济增长基本协调, not read as a target (7 facts). After that general fix:
    # 129 of 129, 157 of 157.
    "blind_reports16": BlindSet(FIXTURES / "blind_reports16", 1.0, 1.0, (9000, 14000), 4),
    # Ten excerpts of counties of 2015–2020, written after every fix above. Untuned: 248 of 252
    # required facts (98.4 %), 273 of 274 emitted (99.6 %). Then 控制在市定目标以内: 249 of 252. Still
    # missed: a poverty task and a count of villages, 空气质量优良天数达到300天以上 (days are no unit
    # extract reads).
    "blind_excerpts12": BlindSet(FIXTURES / "blind_excerpts12", 0.98, 0.99, (800, 3000), 10),
    # Five saved web pages, written after every fix above. Untuned: 142 of 142 required facts, 160 of
    # 165 emitted (97.0 %). Then 35个行业大类中有22个实现增长 after a growth no longer read as its level:
    # 160 of 164. Still wrong: two 环境质量 tasks and two figures of a summary's topic lines the
    # writer does not key.
    "blind_pages2": BlindSet(FIXTURES / "blind_pages2", 1.0, 0.97, (1500, 3000), 5),
    # Twelve excerpts of 2016–2019. Untuned: 321 of 325 required facts (98.8 %), 357 of 361 emitted
    # (98.9 %). Then 外贸出口总值 read as exports: 323 of 325, 359 of 361. Still missed: counts
    # of poor villages and counties to leave poverty (62个贫困村退出); still wrong: two 环境质量 tasks.
    # (控制在3%左右, keyed about here, is read as at most since blind_excerpts33: floor one step lower)
    "blind_excerpts13": BlindSet(FIXTURES / "blind_excerpts13", 0.98, 0.98, (800, 3000), 12),
    # Twelve excerpts of 2025 and 2026. Untuned: 291 of 300 required facts (97.0 %), 325 of 326
    # emitted (99.7 %). Then 居民人均可支配收入增长6.5%、高于经济增长 read as the growth: 293 of 300, 327 of
    # 328. Still missed: jobs and unemployment in ——topic lines after a review of five years, which
    # the writer keys as the year's (real reports give the five years there).
    "blind_excerpts14": BlindSet(FIXTURES / "blind_excerpts14", 0.97, 0.99, (800, 3000), 12),
    # Twelve excerpts in the layouts of users' copies. Untuned: 295 of 321 required facts (91.9 %),
    # 310 of 319 emitted (97.2 %): targets under Markdown dashes (- 地区生产总值…) and circled numbers
    # (①…), a numbered title joined to the summary under it (1. 主要经济指标情况), a summary of one
    # indicator a line after a colon (规模以上工业增加值：增长6.3%), a table cell 稳定在400以上. After those
    # general fixes: 318 of 321, 335 of 335; and with a plan report's section that opens on a common
    # indicator read for it (its trade): 320 of 321, 338 of 338. Still missed: an unemployment ceiling
    # kept (控制在5.5%以内), which a section of a plan report does not give as the figure.
    "blind_excerpts15": BlindSet(FIXTURES / "blind_excerpts15", 0.99, 1.0, (800, 3000), 12),
    # Four whole reports of county-level cities. Untuned: 110 of 110 required facts, 144 of 144
    # emitted.
    "blind_reports17": BlindSet(FIXTURES / "blind_reports17", 1.0, 1.0, (9000, 14000), 4),
    # Four whole plan reports. Untuned: 95 of 128 required facts (74.2 %), 156 of 175 emitted
    # (89.1 %): targets a paragraph each followed by their reasons (主要考虑…) read as the first only,
    # a review of each indicator that quotes the year's plan first (年度计划增长6%左右，预计完成…)
    # read without its name, a summary of ——topic lines cut after six, 1—11月 opening a sentence not
    # held for its later clauses. After those general fixes: 128 of 128, 193 of 200. Still wrong: the
    # summary's other figures (规上工业企业达到2012家) and tasks of the review the writer does not key.
    "blind_reports18": BlindSet(FIXTURES / "blind_reports18", 1.0, 0.96, (9000, 14000), 4),
    # Five Word files. Untuned: 131 of 133 required facts (98.5 %), 146 of 148 emitted (98.6 %). Then
    # a plan report's section read for a common indicator it opens on, though the report sets no
    # target for it (its trade under 对外开放), and …等年初预期目标 read as last year's target quoted:
    # 133 of 133, 162 of 162.
    "blind_docs": BlindSet(FIXTURES / "blind_docs", 1.0, 1.0, (1500, 3000), 5),
    # Twelve excerpts of plan reports of districts and counties. Untuned: 281 of 311 required facts
    # (90.4 %), 320 of 329 emitted (97.3 %): targets under class headings without 指标 ((一)经济发展类)
    # were lost whole, in two reports. Then those and a table's -2.3: 306 of 311, 343 of 352. Still
    # apart: 区级一般公共预算收入 (local revenue to this writer, the budget revenue to two others), 税收总收入,
    # and tasks of the review the writers do not key.
    "blind_excerpts16": BlindSet(FIXTURES / "blind_excerpts16", 0.98, 0.97, (800, 3000), 12),
    # Twelve excerpts of prefectures, leagues and banners. Untuned: 305 of 305 required facts, 342 of
    # 346 emitted (98.8 %). Then 1—3季度 read as part of the year: 342 of 345. Still wrong: air of the
    # central city, which the writer leaves out, and two tasks of environmental quality.
    "blind_excerpts17": BlindSet(FIXTURES / "blind_excerpts17", 1.0, 0.99, (800, 3000), 12),
    # Four whole plan reports. Untuned: 122 of 139 required facts (87.8 %), 177 of 187 emitted
    # (94.7 %): a county's targets, ——lines under class headings counted (经济发展类（7项）) that the
    # lead-in's line ran into, lost whole. Then those class headings kept apart, a list of targets
    # read past twenty lines, a share among the targets (数字经济增加值占地区生产总值比重达到42%) and the
    # details of a list of labelled indicators left out: 139 of 139, 194 of 195 (an energy intensity
    # task of the targets table beside the energy task of the prose, which the writer keys alone).
    "blind_reports19": BlindSet(FIXTURES / "blind_reports19", 1.0, 0.99, (9000, 14000), 4),
    # Four whole reports of the pandemic years. Untuned: 125 of 127 required facts (98.4 %), 153 of
    # 154 emitted (99.4 %). Then 森林覆盖率保持78.73% and 增长6.5%以上，总量力争突破3300亿元: 127 of 127,
    # 155 of 157 (a water quality share of the summary the writer does not key, a 环境质量 task).
    "blind_reports20": BlindSet(FIXTURES / "blind_reports20", 1.0, 0.98, (9000, 14000), 4),
    # Twelve excerpts of plan reports in many layouts. Untuned: 258 of 278 required facts (92.8 %),
    # 289 of 291 emitted (99.3 %): targets under （一）经济发展 headings lost whole, 城乡居民人均可支配
    # 收入。…预计分别达到39625元、15408元 not named by its label. After those general fixes: 278 of 278,
    # 309 of 311 (tasks of the review the writer does not key).
    "blind_excerpts18": BlindSet(FIXTURES / "blind_excerpts18", 1.0, 0.99, (800, 3000), 12),
    # Twelve excerpts, targets in the less common forms. Untuned: 290 of 309 required facts (93.9 %),
    # 323 of 326 emitted (99.1 %): a plain table of two columns lost whole, a Markdown table's
    # 3.2万人 (its unit in its cell), 七是完成保定市下达的…任务 (保定 read as 省定), and targets said again
    # after a paragraph that explains them (同时，…). After those general fixes: 308 of 309, 341 of 342.
    "blind_excerpts19": BlindSet(FIXTURES / "blind_excerpts19", 0.99, 0.99, (800, 3000), 12),
    # Five saved web pages of plan reports and work reports. Untuned: 131 of 135 required facts
    # (97.0 %), 146 of 146 emitted: a table's cells that span rows and columns (rowspan, colspan) and
    # its header of two rows. After laying such cells on the table's columns: 135 of 135, 150 of 150.
    "blind_pages3": BlindSet(FIXTURES / "blind_pages3", 1.0, 1.0, (1500, 3000), 5),
    # Four whole plan reports of 2015–2018. Untuned: 133 of 140 required facts (95.0 %), 185 of 190
    # emitted (97.4 %): an indicator's plan after its name (城镇新增就业计划4.5万人，预计完成4.82万人),
    # pollutants' ceilings and a table's 主要污染物排放量减少 read as tasks of their own. After those
    # general fixes: 140 of 140, 192 of 192.
    "blind_reports21": BlindSet(FIXTURES / "blind_reports21", 1.0, 1.0, (9000, 14000), 4),
    # Four whole work reports whose review has no summary. Untuned: 116 of 119 required facts
    # (97.5 %), 169 of 171 emitted (98.8 %): levels passed one after another (先后跨越千亿元、1200亿元
    # 台阶), 节能减排约束性指标. After those general fixes: 119 of 119, 172 of 172.
    "blind_reports22": BlindSet(FIXTURES / "blind_reports22", 1.0, 1.0, (9000, 14000), 4),
    # Five Word files of plan reports. Untuned: 130 of 130 required facts, 161 of 161 emitted.
    "blind_docs2": BlindSet(FIXTURES / "blind_docs2", 1.0, 1.0, (1500, 3000), 5),
    # Twelve excerpts of the north-east, the north-west, Tibet and Hainan. Untuned: 292 of 294
    # required facts (99.3 %), 306 of 308 emitted (99.4 %). Then 首次迈上千亿元台阶 between a figure and
    # its growth, 固定资产投资保持合理规模: 294 of 294, 308 of 310 (a 环境质量 task, and a five years'
    # total of investment in the writer's ——lines).
    "blind_excerpts20": BlindSet(FIXTURES / "blind_excerpts20", 1.0, 0.99, (800, 3000), 12),
    # Twelve imperfect copies. Untuned: 295 of 336 required facts (87.8 %), 335 of 336 emitted: two
    # WeChat articles with their figures in bold (**2248.6亿元**) lost whole. Then bold marks read
    # as no part of the words, and 全年… under a review of five years: 333 of 336, 373 of 374. Still
    # missed: a comma the OCR read as a full stop, and a plan report's section figure it sets no
    # target for.
    "blind_excerpts21": BlindSet(FIXTURES / "blind_excerpts21", 0.99, 0.99, (800, 3000), 12),
    # Four whole plan reports. Untuned: 93 of 110 required facts (84.5 %), 121 of 131 emitted
    # (92.4 %): a PDF's running head beside its page numbers splitting a targets table from its
    # header, a task cell wrapped (完成市下达 / 任务), a district's 税收总收入 and 单位增加值能耗, a
    # part's figure told with its share of the district (占全区的32.8%). After those general fixes:
    # 106 of 110, 134 of 140. Still apart: pollutants' tasks (the writer keys them by name), a
    # district's 新增就业岗位 and the summary's other figures.
    "blind_reports23": BlindSet(FIXTURES / "blind_reports23", 0.96, 0.95, (9000, 14000), 4),
    # Four whole reports of large cities. Untuned: 140 of 144 required facts (97.2 %), 172 of 175
    # emitted (98.3 %). Then 城市常住居民人均可支配收入 and 突破万亿元大关、达到10688.28亿元: 144 of 144,
    # 176 of 177.
    "blind_reports24": BlindSet(FIXTURES / "blind_reports24", 1.0, 0.99, (12000, 16000), 4),
    # Twelve excerpts written last, after every fix above. Untuned: 280 of 296 required facts
    # (94.6 %), 318 of 323 emitted (98.5 %): a plan report's targets in numbered paragraphs of a topic
    # ((二)结构优化目标：…) read only to the first. After that general fix: 289 of 296, 327 of 332.
    # Still missed: a 2026 report's ——lines after its review of five years, which the writer keys as
    # the year's, and a plan report's section figures it sets no target for.
    "blind_excerpts22": BlindSet(FIXTURES / "blind_excerpts22", 0.97, 0.98, (800, 3000), 12),
    # Twelve excerpts of the central and western provinces, written last. Untuned: 281 of 284
    # required facts (98.9 %), 310 of 314 emitted (98.7 %). Then 万元生产总值能耗 named: 282 of 284,
    # 311 of 314 (the writer keys 农民人均纯收入 by its name, where extract and the second key read it
    # as the rural disposable income).
    "blind_excerpts23": BlindSet(FIXTURES / "blind_excerpts23", 0.99, 0.99, (800, 3000), 12),
    # Four whole reports written last. Untuned: 115 of 115 required facts, 163 of 164 emitted
    # (99.4 %; a review's energy task the writer does not key).
    "blind_reports25": BlindSet(FIXTURES / "blind_reports25", 1.0, 0.99, (9000, 14000), 4),
    # Twelve excerpts of provincial reports, one a year of 2015–2026. Untuned: 311 of 313 required
    # facts (99.4 %), 365 of 372 emitted (98.1 %). Then 外贸进出口保持较快增长 as a task: 312 of 313,
    # 366 of 373 (the writer keys 完成国家下达的节能减排和环境质量目标任务 as the energy task alone, and
    # 货物和服务贸易进出口总额 as the trade in goods).
    "blind_excerpts24": BlindSet(FIXTURES / "blind_excerpts24", 0.99, 0.98, (800, 3000), 12),
    # Twelve excerpts of cities, county-level cities and a district of the north, north-east, south
    # and west. Untuned: 286 of 286 required facts, 299 of 300 emitted (99.7 %). Then 减污降碳 named
    # as the energy task: 286 of 286, 299 of 299.
    "blind_excerpts25": BlindSet(FIXTURES / "blind_excerpts25", 1.0, 1.0, (800, 3000), 12),
    # Three whole provincial reports. Untuned: 93 of 93 required facts, 106 of 109 emitted (97.2 %):
    # 地区生产总值、…等指标未能完成年初确定的…预期目标 read as tasks done. After that general fix: 93 of
    # 93, 106 of 106.
    # Four whole reports of cities of 2016–2020. Untuned: 117 of 118 required facts (99.2 %), 148 of
    # 150 emitted (98.7 %). Then a target of a change in a count (农村贫困人口减少6.5万人): 118 of 118,
    # 149 of 151 (a park's figure told after the park, a review's energy task).
    "blind_reports26": BlindSet(FIXTURES / "blind_reports26", 1.0, 0.98, (9000, 14000), 4),
    # Four whole reports of districts and county-level cities of 2022–2026. Untuned: 97 of 101
    # required facts (96.0 %), 118 of 118 emitted. Then 增长4.6%、完成96.3亿元 and a task set by two
    # (完成省、六盘水市下达的…任务): 99 of 101, 120 of 120 (a 2026 report's section figure of a review of
    # the year and five years together, without 全年, left out).
    "blind_reports27": BlindSet(FIXTURES / "blind_reports27", 0.98, 1.0, (9000, 14000), 4),
    "blind_reports28": BlindSet(FIXTURES / "blind_reports28", 1.0, 1.0, (10000, 16000), 3),
    # Twelve imperfect copies. Untuned: 256 of 308 required facts (83.1 %), 291 of 293 emitted
    # (99.3 %): thousands separators (2,140.6亿元) and half-width full stops unread. After those
    # general fixes and 两年平均来看: 303 of 308, 341 of 342 (a copy whose 、 became commas, and ——lines
    # after a review of five years, which the writer keys as the year's).
    # (控制在3%左右, keyed about here, is read as at most since blind_excerpts33: floor one step lower)
    "blind_excerpts26": BlindSet(FIXTURES / "blind_excerpts26", 0.97, 0.98, (800, 3000), 12),
    # Twelve excerpts of plan reports. Untuned: 308 of 330 required facts (93.3 %), 368 of 374 emitted
    # (98.4 %): targets each under a numbered topic heading ((二)需求结构。…), a PDF table's letter-spaced
    # header (指 标) wrapped under its year, a clause cut in brackets (全区（不含…，下同）). After those
    # general fixes: 328 of 330, 388 of 395 (a table's energy rows read as the intensity's task, a
    # province's pillar industries' growths).
    "blind_excerpts27": BlindSet(FIXTURES / "blind_excerpts27", 0.99, 0.98, (800, 3000), 12),
    # Twelve excerpts of districts, one a year. Untuned: 257 of 265 required facts (97.0 %), 270 of
    # 278 emitted (97.1 %), and 碑林区 read as a 林区 (beilinqu). Then 全社会固定资产投资总额, a zone's
    # investment told after its name, PM2.5年均浓度持续下降 and 碑林区 a 区: 261 of 265, 274 of 278 (the
    # writer keys 财政收入 by its name).
    # (控制在3%左右, keyed about here, is read as at most since blind_excerpts33: floor one step lower)
    "blind_excerpts28": BlindSet(FIXTURES / "blind_excerpts28", 0.97, 0.97, (800, 3000), 12),
    # Four whole reports of cities of 2022–2026. Untuned: 106 of 106 required facts, 144 of 145
    # emitted (99.3 %; an environment task the writer does not key).
    "blind_reports29": BlindSet(FIXTURES / "blind_reports29", 1.0, 0.99, (9000, 14000), 4),
    # Three whole provincial reports. Untuned: 73 of 73 required facts, 96 of 97 emitted (99.0 %; a
    # carbon-intensity task beside the energy task, which the writer does not key).
    "blind_reports30": BlindSet(FIXTURES / "blind_reports30", 1.0, 0.98, (10000, 16000), 3),
    # Twelve imperfect copies, each of its own kind. Untuned: 221 of 304 required facts (72.7 %), 239
    # of 242 emitted (98.8 %): a page's source saved as text, a date line of the month alone (2024年1月
    # 在…会议上) in a copy whose paragraph breaks were lost, a WeChat article's picture caption joined to
    # the summary. After those general fixes: 282 of 304, 309 of 313. Still missed: an OCR text's
    # spaces inside numbers (92 1.96亿元), a Word table saved one cell a line, 、 become spaces.
    "blind_excerpts29": BlindSet(FIXTURES / "blind_excerpts29", 0.92, 0.98, (800, 3000), 12),
    # Twelve excerpts of counties, one a year. Untuned: 264 of 283 required facts (93.3 %), 277 of 277
    # emitted: two 换届 years' sentences that open on the year (2021年，全市实现…；规模以上工业…) read
    # only to their first clause. After that general fix: 281 of 283, 299 of 299.
    "blind_excerpts30": BlindSet(FIXTURES / "blind_excerpts30", 0.99, 1.0, (800, 3000), 12),
    # Twelve excerpts of provincial reports, one a year. Untuned: 301 of 305 required facts (98.7 %),
    # 336 of 338 emitted (99.4 %). Then 生态环境质量持续改善 as a task and 万元地区生产总值能耗、水耗:
    # 305 of 305, 340 of 341.
    "blind_excerpts31": BlindSet(FIXTURES / "blind_excerpts31", 1.0, 0.99, (800, 3000), 12),
    # Four whole reports of districts. Untuned: 97 of 97 required facts, 122 of 128 emitted (95.3 %):
    # 财政收入、固定资产投资…等指标均超额完成年度目标 read as tasks done, 水资源管理 beside the energy task.
    # After those general fixes: 97 of 97, 123 of 124.
    "blind_reports31": BlindSet(FIXTURES / "blind_reports31", 1.0, 0.99, (9000, 14000), 4),
    # Four whole plan reports. Untuned: 127 of 135 required facts (94.1 %), 196 of 216 emitted
    # (90.7 %): the details of a list of the year's indicators (——投资…，其中基础设施投资…), a PDF's
    # line that gives a figure read as a heading. After those general fixes: 133 of 135, 201 of 206.
    "blind_reports32": BlindSet(FIXTURES / "blind_reports32", 0.98, 0.97, (9000, 14000), 4),
    # The last three sets, written after every fix above and measured on the final code with nothing
    # changed for them. Twelve excerpts as copied from government web sites: untuned 275 of 276
    # required facts (99.6 %), 302 of 305 emitted (99.0 %; 完成市下达的能耗和碳排放控制目标 read as two
    # tasks where the writer keys the energy task).
    "blind_excerpts32": BlindSet(FIXTURES / "blind_excerpts32", 0.99, 0.99, (800, 3000), 12),
    # Three whole provincial reports: untuned 83 of 83 required facts, 100 of 100 emitted.
    "blind_reports33": BlindSet(FIXTURES / "blind_reports33", 1.0, 1.0, (10000, 16000), 3),
    # Four whole reports of cities: untuned 115 of 117 required facts (98.3 %), 148 of 149 emitted
    # (99.3 %): a section on the five years' transition after poverty (五年过渡期) read as a review of
    # five years. After that general fix: 117 of 117, 150 of 151.
    "blind_reports34": BlindSet(FIXTURES / "blind_reports34", 1.0, 0.99, (9000, 14000), 4),
    # Six sets written after those, each run once untuned (on the code that closed the sets above).
    # Twelve excerpts of cities of the north, one a year: untuned 298 of 307 required facts (97.1 %),
    # 322 of 333 emitted (96.7 %): 控制在3%左右 read as about, where this writer (and the second key
    # of the real reports) reads a ceiling. After reading 控制在 as at most whatever 左右 softens:
    # 307 of 307, 331 of 333.
    "blind_excerpts33": BlindSet(FIXTURES / "blind_excerpts33", 1.0, 0.99, (800, 3000), 12),
    # Twelve excerpts of provincial reports, one a year, two plan reports: untuned 265 of 269
    # (98.5 %), 308 of 311 (99.0 %); 海关进出口总额 named since: 267 of 269, 310 of 313. Left as it
    # is: Shanghai's 新增就业岗位 (posts, 万个), which the writer keys as new urban jobs (persons).
    "blind_excerpts34": BlindSet(FIXTURES / "blind_excerpts34", 0.99, 0.99, (800, 3000), 12),
    # Twelve excerpts of districts, counties and county-level cities, one a year: untuned 251 of 254
    # (98.8 %), 308 of 312 (98.7 %): 财政收入 read as budget revenue, which the writer keys by its own
    # name once.
    "blind_excerpts35": BlindSet(FIXTURES / "blind_excerpts35", 0.98, 0.98, (800, 3000), 12),
    # Four whole reports of cities: untuned 123 of 124 (99.2 %), 169 of 169: 增长4.6%，总量突破1100亿元、
    # 达到1108.6亿元 kept the level passed; since: 124 of 124, 169 of 169.
    "blind_reports35": BlindSet(FIXTURES / "blind_reports35", 1.0, 1.0, (9000, 14000), 4),
    # Three whole provincial reports: untuned 91 of 92 (98.9 %), 112 of 112. Still missed: a grain
    # output stated in a section of a review of five years (过去五年特别是2017年…) with no year of its own.
    "blind_reports36": BlindSet(FIXTURES / "blind_reports36", 0.98, 1.0, (10000, 16000), 3),
    # Four whole reports of county-level cities: untuned 118 of 119 (99.2 %), 152 of 152: a section's
    # 全年粮食播种面积21.6万亩，粮食总产量8.92万吨 read as of no year; since: 119 of 119, 153 of 153.
    "blind_reports37": BlindSet(FIXTURES / "blind_reports37", 1.0, 1.0, (9000, 14000), 4),
    # Six more, written after those fixes, each run once untuned.
    # Twelve excerpts cut as a note quotes a report: no title, date line or 各位代表, the summary's and
    # the targets' paragraphs alone. Untuned (the region given): 75 of 308 required facts (24.4 %), 81
    # of 84 emitted (96.4 %): nine could not be dated, and with no head they were read as plan reports.
    # After dating a text by what its targets' paragraph says this year is (2018年是…开局之年。…今年…
    # 主要预期目标是), reading a text whose head says nothing as a work report unless it shows a plan
    # report's words, ending a paragraph at an excerpt's cut (。……), 甲和乙分别增长7%, a zone's own
    # figure (天府新区眉山片区地区生产总值) left out and 在实际工作中，…力争… after the targets: 308 of 308,
    # 328 of 330.
    "blind_excerpts36": BlindSet(FIXTURES / "blind_excerpts36", 1.0, 0.99, (800, 3000), 12, headless=True),
    # Twelve excerpts of plan reports: untuned 347 of 358 (96.9 %), 399 of 405 (98.5 %): a table whose
    # cells hold the verb (| 地区生产总值 | 增长5.5%左右 |), a review that quotes the plan's growth then
    # says 预计完成7.5%左右. Since: 353 of 358, 405 of 411.
    "blind_excerpts37": BlindSet(FIXTURES / "blind_excerpts37", 0.98, 0.98, (800, 3000), 12),
    # Twelve excerpts of autonomous places: untuned 298 of 304 (98.0 %), 318 of 320 (99.4 %); a
    # paragraph that looks ahead (展望“十四五”，…) no longer read as the year's: 298 of 304, 318 of 319.
    # Still missed: figures of sections after a paragraph of five years (过去一年和过去五年工作回顾).
    "blind_excerpts38": BlindSet(FIXTURES / "blind_excerpts38", 0.98, 0.99, (800, 3000), 12),
    # Twelve excerpts as a PDF's text layer gives them: untuned 284 of 284, 308 of 308.
    "blind_excerpts39": BlindSet(FIXTURES / "blind_excerpts39", 1.0, 1.0, (800, 3000), 12),
    # Four whole reports of cities: untuned 121 of 123 (98.4 %), 157 of 157: the energy task beside
    # 大气、水、土壤污染防治, and 城乡居民收入倍差持续缩小. Since: 123 of 123, 159 of 159.
    "blind_reports38": BlindSet(FIXTURES / "blind_reports38", 1.0, 1.0, (9000, 14000), 4),
    # Four whole plan reports: untuned 126 of 126, 187 of 189 (98.9 %): 全年计划实施500万元以上项目260个
    # after a numbered target read as a target. Since: 126 of 126, 187 of 187.
    "blind_reports39": BlindSet(FIXTURES / "blind_reports39", 1.0, 1.0, (9000, 14000), 4),
    # The last three sets, written after every fix above and run once on that code. Twelve excerpts
    # of the south and south-west: untuned 221 of 247 required facts (89.5 %), 247 of 247 emitted:
    # one report's meeting line names its prefecture as its reports do (黔西南州), so its region was
    # not found and it was not read; the other eleven gave 221 of 221. After reading X州 as the
    # autonomous prefecture X (not 杭州: one character before 州 is a city's name): 247 of 247, 273 of 273.
    "blind_excerpts40": BlindSet(FIXTURES / "blind_excerpts40", 1.0, 1.0, (800, 3000), 12),
    # Twelve excerpts of counties of the north and north-west: untuned 297 of 297, 310 of 311 (99.7 %:
    # a 环境质量 task beside the energy task).
    "blind_excerpts41": BlindSet(FIXTURES / "blind_excerpts41", 1.0, 0.99, (800, 3000), 12),
    # Three whole provincial reports: untuned 85 of 85, 107 of 109 (98.2 %: 生态环境质量 as a task, and
    # 增量超5000亿元, a rise, read as a level of its own).
    "blind_reports40": BlindSet(FIXTURES / "blind_reports40", 1.0, 0.98, (10000, 16000), 3),
    # Twelve more excerpts without their head, named by their files as the corpus names its own:
    # untuned 277 of 286, 302 of 312, with the region and (for three) the years from the file's name,
    # as nothing in the text names them; 285 of 286, 310 of 314 (能耗和二氧化碳排放 as one task, keyed
    # so here and as two elsewhere; two figures of the summary's last sentence left unkeyed).
    "blind_excerpts42": BlindSet(FIXTURES / "blind_excerpts42", 0.99, 0.98, (800, 3000), 12, headless=True),
    # Four whole reports of districts of large cities: untuned 105 of 105, 120 of 124 (环境质量 beside
    # the energy task read as a task of its own); 105 of 105, 120 of 122 (the energy task done, in the
    # review, which the bundled store keeps and these keys do not).
    "blind_reports41": BlindSet(FIXTURES / "blind_reports41", 1.0, 0.98, (8000, 12000), 4),
    # Three whole provincial reports, one of a municipality: untuned 90 of 92, 112 of 116, as now (the
    # energy task keyed where the text names 能耗 alone, or 能耗、水耗和碳排放).
    "blind_reports42": BlindSet(FIXTURES / "blind_reports42", 0.97, 0.96, (10000, 16000), 3),
    # Twelve excerpts of cities of 2015–2020 in the styles of those years: untuned 227 of 306, 238 of
    # 239 (three prefectures (地区) whose administration (行政公署) reports to its congress's working
    # committee (人大工委) were not placed, so not read); 301 of 306, 313 of 314 (poverty targets as
    # tasks, named as each key names them).
    "blind_excerpts43": BlindSet(FIXTURES / "blind_excerpts43", 0.98, 0.99, (800, 3000), 12),
    # Twelve excerpts of 2021–2026, targets over several sentences or lines, summaries by topic:
    # untuned 277 of 278, 292 of 293 (社会消费品零售总额恢复性增长 as a task; 大气、水环境质量 beside the
    # energy task); 278 of 278, 293 of 293.
    "blind_excerpts44": BlindSet(FIXTURES / "blind_excerpts44", 1.0, 1.0, (800, 3000), 12),
    # Four whole reports of 2022–2025, two cities and two county-level cities, one a web page's copy:
    # untuned 118 of 118, 150 of 150.
    "blind_reports44": BlindSet(FIXTURES / "blind_reports44", 1.0, 1.0, (8000, 12000), 4),
    # Four whole reports of cities of 2015–2020: untuned 127 of 130, 151 of 151 (poverty targets: 3260名
    # 建档立卡贫困人口脱贫, and tasks named as the key names them); 128 of 130, 152 of 152.
    "blind_reports43": BlindSet(FIXTURES / "blind_reports43", 0.98, 1.0, (8000, 12000), 4),
    # Twelve excerpts of provincial reports: untuned 293 of 297, 323 of 330 (固定资产投资止跌回稳，增长1%以上;
    # 居民人均可支配收入稳步增长 as a task; the energy task keyed as one where the text names 能耗强度和碳排放
    # 强度, and a 生态环境质量 task); 295 of 297, 325 of 331.
    "blind_excerpts45": BlindSet(FIXTURES / "blind_excerpts45", 0.99, 0.98, (800, 3000), 12),
    # Twelve excerpts of counties, county-level cities and districts, four as a PDF's text layer, four as
    # web pages: untuned 257 of 261, 279 of 283 (区级公共财政预算收入); 260 of 261, 282 of 283.
    "blind_excerpts46": BlindSet(FIXTURES / "blind_excerpts46", 0.99, 0.99, (800, 3000), 12),
    # Four whole reports of districts of 2017–2021: untuned 103 of 103, 138 of 138.
    "blind_reports45": BlindSet(FIXTURES / "blind_reports45", 1.0, 1.0, (8000, 12000), 4),
    # Twelve excerpts of plan reports, four of divisions of the Production and Construction Corps run
    # with their cities (第八师石河子市): untuned 264 of 300 (88.0 %), 345 of 360 (95.8 %: a list of
    # dashed labels (——地区生产总值。年度计划…，预计完成…) not read, the divisions' 全师市 and 连队 incomes
    # not known); 281 of 300, 372 of 378 (a results table before the review's summary left unread; the
    # energy task keyed as one where the text names 能耗 alone).
    "blind_excerpts47": BlindSet(FIXTURES / "blind_excerpts47", 0.93, 0.98, (800, 3000), 12),
    # Three whole reports of autonomous regions of the west: untuned 88 of 88, 117 of 118.
    "blind_reports46": BlindSet(FIXTURES / "blind_reports46", 1.0, 0.99, (10000, 16000), 3),
    # Twelve excerpts of every level: untuned 300 of 304, 330 of 332 (全师市生产总值, the
    # division's words for itself); 302 of 304, 332 of 332.
    "blind_excerpts48": BlindSet(FIXTURES / "blind_excerpts48", 0.99, 1.0, (800, 3000), 12),
    # Twelve excerpts of counties whose reports came early, the year's figures in part (1—11月, 前三季度,
    # 全年预计), written last: untuned 260 of 260, 282 of 283 (能耗双控和碳排放 keyed as one task, which
    # the real reports' keys read as two).
    "blind_excerpts49": BlindSet(FIXTURES / "blind_excerpts49", 1.0, 0.99, (800, 3000), 12),
    # Twelve excerpts of counties of 2015–2019 in the styles of those years, written last: untuned 287 of
    # 288, 311 of 311 (剩余贫困人口全部脱贫 as a task named as the key names it).
    "blind_excerpts50": BlindSet(FIXTURES / "blind_excerpts50", 0.99, 1.0, (800, 3000), 12),
    # Three whole reports of the municipalities in a new government's year, written last: untuned 79 of
    # 83, 101 of 106, as now (新增就业岗位 keyed as new urban jobs, which extract keeps apart as a count of
    # posts; 新增就业48.5万人，其中城镇新增就业45.4万人 read as the first; carbon's tasks keyed as the
    # energy task).
    "blind_reports47": BlindSet(FIXTURES / "blind_reports47", 0.95, 0.95, (12000, 16000), 3),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def blind(request) -> BlindSet:
    return SETS[request.param]


@pytest.fixture(scope="module")
def extracted(blind) -> dict[str, object]:
    store = load(bundled_store(), cache=False)
    return {r["file"]: extract(read_document(blind.folder / r["file"]), store,
                               file_name=r["file"] if blind.headless else None) for r in blind.key()}


@pytest.fixture(scope="module")
def measured(blind, extracted):
    return accuracy.measure(blind.key(), lambda report: accuracy.judge(report, extracted[report["file"]]),
                            label=blind.folder.name)


def test_the_key_names_each_report_once_and_no_region_keyed_elsewhere(blind):
    reports = blind.key()
    files = [r["file"] for r in reports]
    assert len(reports) == blind.reports and len(set(files)) == blind.reports
    assert set(files) == {p.name for p in blind.folder.iterdir() if p.name != "key.toml"}
    others = [r for s in SETS.values() if s != blind for r in s.key() if "also_in" not in r]
    elsewhere = {r["region"] for r in accuracy._key() + heldout._key() + excerpts._key() + others}
    assert not {r["region"] for r in reports if "other_place" not in r and "also_in" not in r} & elsewhere
    keyed = {name: s.key() for name, s in SETS.items()} | {
        "corpus_key": accuracy._key(), "corpus_key_heldout": heldout._key(), "blind": excerpts._key()}
    for r in reports:  # a region two sets share (another year's report, by choice) is in both
        assert "also_in" not in r or r["region"] in {x["region"] for x in keyed[r["also_in"]]}, r["file"]


def test_each_report_is_a_whole_report_of_its_length(blind):
    low, high = blind.length
    for report in blind.key():
        text = read_document(blind.folder / report["file"])
        assert low <= len("".join(text.split())) <= high, report["file"]


def test_the_key_has_well_formed_facts(blind):
    for report in blind.key():
        assert report["region"], report["file"]
    accuracy.check_facts(blind.key())


def test_each_quote_of_the_key_is_in_its_report(blind):
    accuracy.check_quotes(blind.key(), blind.folder, read_document)


def test_the_years_and_the_region_are_found_in_each_report(blind, extracted):
    for report in blind.key():
        result = extracted[report["file"]]
        assert (result.actual_year, result.target_year) == (report["actual_year"], report["target_year"]), report["file"]
        assert result.region == report["region"] and result.region_name, report["file"]
        assert {r["year"] for r in result.records} <= {result.actual_year, result.target_year}, report["file"]


def test_recall_and_precision_on_blind_reports(blind, measured):
    accuracy.check_floors(measured, blind.min_recall, blind.min_precision)
