'use strict';
// A real SMPP 3.4 server (SMSC) for the smsdesk tests and benchmarks, on 127.0.0.1.
//
// Built on the npm `smpp` package. It binds transceivers (and transmitters/receivers),
// accepts submit_sm in GSM-7 (data_coding 0) or UCS-2 (8), reassembles UDH-concatenated
// parts, answers each with its own message_id, and sends a deliver_sm delivery receipt per
// part ("id:... stat:DELIVRD err:000 ..."). Receipts wait in a queue per system_id until a
// bound receiver acknowledges them, like a real SMSC, so a dropped connection loses none.
//
// Usage: node smpp_server.js [--system-id ID] [--password PW] [--plan JSON]
// Prints {"smpp_port": N, "control_port": M} on its first stdout line; exits when stdin closes.
// A plan (see below) may also come from the SMPP_PEER_PLAN environment variable.
//
// HTTP control API on another loopback port (tests/conftest.py's SmppPeer talks to it):
//   GET  /state            counters, `messages` (every complete message processed, i.e.
//                          delivered: {source, dest, text, data_coding, parts, message_ids})
//                          and `received` (every submit_sm read, in order: {dest, source,
//                          data_coding, esm_class, udh: {ref, total, seq} | null, text, units,
//                          outcome, message_id}); ?messages=0 leaves both lists out.
//                          `units` is the payload length after the UDH: septets for
//                          data_coding 0 (an extension character is 2), UTF-16 units for 8.
//   POST /outcomes         {"99": {"stat": "UNDELIV", "err": "001"}, ...} (receiver suffix)
//   POST /mo               {"source": "+336...", "dest": "ACME", "text": "STOP"}: a reply from a
//                          phone, sent as a mobile-originated deliver_sm (esm_class 0; GSM-7
//                          ASCII text as data_coding 0, anything else as UCS-2, 8)
//   POST /reset            forget messages, counters, faults and undelivered receipts
//   POST /inject           faults, merged into the current ones; counts are "the next n
//                          submit_sm" and count down:
//     "throttle": n         answer ESME_RTHROTTLED (0x58)                  outcome "throttled"
//     "msgqful": n          answer ESME_RMSGQFUL (0x14)                    outcome "queue_full"
//     "generic_nack": n     answer generic_nack ESME_RSYSERR, same sequence  "generic_nack"
//     "silent": n           read it, never process nor answer it           outcome "silent"
//     "lost_answer": n      process it (delivered, receipt) but never send its
//                           submit_sm_resp                                 outcome "lost_answer"
//     "slow": n, "slow_ms": ms   process it, answer after ms milliseconds  outcome "accepted"
//                                (slow: true); if the link is gone by then, the answer is lost
//     "drop_after": k       the k-th next submit_sm drops the link: it and every later PDU
//                           on that socket are never processed     outcome "dropped" / "dead_link"
//     "unbind_after": k     at the k-th next submit_sm the SMSC sends unbind and closes; that
//                           submit and later ones are never processed  outcome "unbound" / "dead_link"
//     "bind_fail": n        refuse the next n binds with ESME_RBINDFAIL
//     "receipts_to_later_bind": true|false   receipts of parts accepted from now on go only
//                           to a session bound after the part was accepted (false: any)
//     "reject": {"33...": "ESME_RINVDSTADR"}   refuse submits to this destination  "rejected"
//     "plan": {"seed": 42, "rates": {"throttle": 0.02, "msgqful": 0.01, "generic_nack": 0.01,
//              "silent": 0.005, "lost_answer": 0.005, "slow": 0.05, "drop": 0.002,
//              "unbind": 0.002}, "slow_ms": 50}
//                           a seeded plan: each live submit_sm draws at most one fault with
//                           these probabilities (mulberry32(seed): the same submit order gives
//                           the same faults); {"plan": null} stops it. Counted faults above
//                           take precedence over the plan.
//   Counters in /state: submits, accepted_parts, messages_count, throttled, queue_full,
//   generic_nacks, silent, lost_answers, slow_answers, rejected, drops, unbinds,
//   dead_link_submits, bind_refused, binds, enquire_links, receipts_sent, receipts_acked,
//   receipts_pending, sessions, plan_draws.

const http = require('http');
const smpp = require('smpp');

function argValue(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const FAULT_KEYS = ['throttle', 'msgqful', 'generic_nack', 'silent', 'lost_answer', 'slow',
	'slow_ms', 'drop_after', 'unbind_after', 'bind_fail', 'receipts_to_later_bind'];
const PLAN_FAULTS = ['throttle', 'msgqful', 'generic_nack', 'silent', 'lost_answer', 'slow',
	'drop', 'unbind'];

const ACCOUNT = {
	systemId: argValue('--system-id', 'smsdesk'),
	password: argValue('--password', 'secret'),
};
const RECEIPT_WINDOW = 2000; // unacknowledged deliver_sm per session

const MESSAGE_STATES = { DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };
const DEFAULT_OUTCOMES = {
	'99': { stat: 'UNDELIV', err: '001' },
	'98': { stat: 'EXPIRED', err: '000' },
	'97': { stat: 'REJECTD', err: '002' },
};

// mulberry32: a small seeded PRNG, so that a fault plan replays the same way.
function seededRandom(seed) {
	let a = seed >>> 0;
	return function () {
		a = (a + 0x6D2B79F5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function makePlan(spec) {
	if (!spec) {
		return null;
	}
	return { seed: spec.seed || 0, rates: spec.rates || {}, slow_ms: spec.slow_ms || 50,
		random: seededRandom(spec.seed || 0) };
}

let state;
let bindCounter = 0; // never reset: orders binds across /reset for receipts_to_later_bind
function resetState() {
	state = {
		messages: [], // complete messages, in arrival order
		received: [], // every submit_sm read, with what the server did with it
		partials: new Map(), // "src|dst|ref|total" -> {parts: [], ids: []}
		submits: 0, // submit_sm PDUs received on a live session
		accepted_parts: 0,
		throttled: 0,
		queue_full: 0,
		generic_nacks: 0,
		silent: 0,
		lost_answers: 0,
		slow_answers: 0,
		rejected: 0,
		drops: 0,
		unbinds: 0,
		dead_link_submits: 0,
		bind_refused: 0,
		binds: 0,
		enquire_links: 0,
		receipts_sent: 0,
		receipts_acked: 0,
		plan_draws: 0,
		inject: {
			throttle: 0, msgqful: 0, generic_nack: 0, silent: 0, lost_answer: 0, slow: 0,
			slow_ms: 50, drop_after: 0, unbind_after: 0, bind_fail: 0,
			receipts_to_later_bind: false, reject: {},
		},
		plan: null,
		outcomes: Object.assign({}, DEFAULT_OUTCOMES),
	};
}
resetState();

let nextMessageId = 0x10000;
const pendingReceipts = []; // deliver_sm options waiting for a bound receiver
const receivers = new Set(); // sessions bound as transceiver or receiver

function pad2(n) {
	return String(n).padStart(2, '0');
}
function smppDate(d) {
	return pad2(d.getUTCFullYear() % 100) + pad2(d.getUTCMonth() + 1) + pad2(d.getUTCDate()) +
		pad2(d.getUTCHours()) + pad2(d.getUTCMinutes());
}

function outcomeFor(receiver) {
	for (const suffix of Object.keys(state.outcomes)) {
		if (receiver.endsWith(suffix)) {
			return state.outcomes[suffix];
		}
	}
	return { stat: 'DELIVRD', err: '000' };
}

function queueReceipt(part, minBind) {
	const outcome = outcomeFor(part.dest);
	const now = smppDate(new Date());
	const text = 'id:' + part.message_id + ' sub:001 dlvrd:' +
		(outcome.stat === 'DELIVRD' ? '001' : '000') + ' submit date:' + now +
		' done date:' + now + ' stat:' + outcome.stat + ' err:' + outcome.err + ' text:';
	pendingReceipts.push({
		source_addr: part.dest,
		destination_addr: part.source,
		esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
		data_coding: 0,
		short_message: text,
		receipted_message_id: part.message_id,
		message_state: MESSAGE_STATES[outcome.stat] || MESSAGE_STATES.UNKNOWN,
		min_bind: minBind, // only a session whose bindNo is above it gets it (undefined: any)
	});
	setImmediate(pumpReceipts);
}

function pumpReceipts() {
	for (const session of receivers) {
		let i = 0;
		while (i < pendingReceipts.length && session.unacked.size < RECEIPT_WINDOW && !session.dead) {
			const receipt = pendingReceipts[i];
			if (receipt.min_bind !== undefined && session.bindNo <= receipt.min_bind) {
				i++; // held for a later bind
				continue;
			}
			pendingReceipts.splice(i, 1);
			const options = Object.assign({}, receipt);
			delete options.min_bind;
			const pdu = new smpp.PDU('deliver_sm', options);
			if (!session.send(pdu, onReceiptResp(session, receipt))) {
				pendingReceipts.splice(i, 0, receipt);
				break;
			}
			session.unacked.set(pdu.sequence_number, receipt);
			state.receipts_sent++;
		}
	}
}

function onReceiptResp(session, receipt) {
	return function (resp) {
		session.unacked.delete(resp.sequence_number);
		if (resp.command_status === 0) {
			state.receipts_acked++;
		} else {
			pendingReceipts.push(receipt);
		}
		if (pendingReceipts.length) {
			setImmediate(pumpReceipts);
		}
	};
}

function decodeUdh(pdu) {
	const sm = pdu.short_message;
	if (!sm || !sm.udh) {
		return null;
	}
	for (const ie of sm.udh) {
		if (ie[0] === 0x00 && ie.length >= 5) {
			return { ref: ie[2], total: ie[3], seq: ie[4] };
		}
		if (ie[0] === 0x08 && ie.length >= 6) {
			return { ref: ie.readUInt16BE(2), total: ie[4], seq: ie[5] };
		}
	}
	return null;
}

function messageText(pdu) {
	return pdu.short_message && typeof pdu.short_message.message === 'string'
		? pdu.short_message.message : '';
}

// The payload's length in the coding's units, worked out by the npm package's own codec.
function payloadUnits(pdu, text) {
	if (pdu.data_coding === 8) {
		return Buffer.byteLength(text, 'utf16le') / 2;
	}
	return smpp.encodings.ASCII.encode(text).length;
}

function logSubmit(session, pdu, outcome) {
	const text = messageText(pdu);
	const entry = {
		dest: pdu.destination_addr,
		source: pdu.source_addr,
		data_coding: pdu.data_coding,
		esm_class: pdu.esm_class,
		udh: decodeUdh(pdu),
		text: text,
		units: payloadUnits(pdu, text),
		outcome: outcome,
		message_id: null,
		system_id: session.systemId,
	};
	state.received.push(entry);
	return entry;
}

function recordPart(session, pdu, messageId) {
	const text = messageText(pdu);
	const part = {
		message_id: messageId,
		source: pdu.source_addr,
		dest: pdu.destination_addr,
		data_coding: pdu.data_coding,
		registered_delivery: pdu.registered_delivery,
		text: text,
	};
	state.accepted_parts++;
	const udh = decodeUdh(pdu);
	if (!udh || udh.total <= 1) {
		state.messages.push({
			source: part.source, dest: part.dest, text: text, data_coding: part.data_coding,
			parts: 1, message_ids: [messageId], system_id: session.systemId,
		});
	} else {
		const key = [part.source, part.dest, udh.ref, udh.total].join('|');
		let partial = state.partials.get(key);
		if (!partial) {
			partial = { texts: new Array(udh.total), ids: new Array(udh.total), count: 0 };
			state.partials.set(key, partial);
		}
		if (partial.texts[udh.seq - 1] === undefined) {
			partial.count++;
		}
		partial.texts[udh.seq - 1] = text;
		partial.ids[udh.seq - 1] = messageId;
		if (partial.count === udh.total) {
			state.partials.delete(key);
			state.messages.push({
				source: part.source, dest: part.dest, text: partial.texts.join(''),
				data_coding: part.data_coding, parts: udh.total, message_ids: partial.ids,
				system_id: session.systemId,
			});
		}
	}
	if (part.registered_delivery & 0x01) {
		queueReceipt(part, state.inject.receipts_to_later_bind ? bindCounter : undefined);
	}
}

function dropSession(session) {
	session.dead = true;
	state.drops++;
	// end() flushes the responses already written, then closes: what was answered stays answered.
	session.close();
	setTimeout(() => session.destroy(), 200);
}

function unbindSession(session) {
	session.dead = true;
	state.unbinds++;
	// The ESME answers unbind_resp and closes; close anyway if it does not.
	session.send(new smpp.PDU('unbind', {}), () => session.close());
	setTimeout(() => session.destroy(), 1000);
}

let slowMs = 50; // the delay of the last 'slow' fault chosen

// Which fault this live submit_sm meets: counted faults first, then the seeded plan.
function chooseFault() {
	const inject = state.inject;
	if (inject.drop_after > 0 && --inject.drop_after === 0) {
		return 'drop';
	}
	if (inject.unbind_after > 0 && --inject.unbind_after === 0) {
		return 'unbind';
	}
	for (const key of ['throttle', 'msgqful', 'generic_nack', 'silent', 'lost_answer', 'slow']) {
		if (inject[key] > 0) {
			inject[key]--;
			slowMs = inject.slow_ms;
			return key;
		}
	}
	const plan = state.plan;
	if (plan) {
		state.plan_draws++;
		let draw = plan.random();
		for (const key of PLAN_FAULTS) {
			const rate = plan.rates[key] || 0;
			if (draw < rate) {
				slowMs = plan.slow_ms;
				return key;
			}
			draw -= rate;
		}
	}
	return null;
}

function accept(session, pdu, entry) {
	const messageId = (nextMessageId++).toString(16).toUpperCase();
	entry.message_id = messageId;
	recordPart(session, pdu, messageId);
	return messageId;
}

function onSubmit(session, pdu) {
	if (session.dead) {
		// Read after a drop or an unbind: never processed, never answered.
		state.dead_link_submits++;
		logSubmit(session, pdu, 'dead_link');
		return;
	}
	if (!session.bound) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
		return;
	}
	const fault = chooseFault();
	if (fault === 'drop') {
		// This submit and everything after it on this socket is never processed.
		logSubmit(session, pdu, 'dropped');
		dropSession(session);
		return;
	}
	if (fault === 'unbind') {
		logSubmit(session, pdu, 'unbound');
		unbindSession(session);
		return;
	}
	state.submits++;
	if (fault === 'throttle') {
		state.throttled++;
		logSubmit(session, pdu, 'throttled');
		session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
		return;
	}
	if (fault === 'msgqful') {
		state.queue_full++;
		logSubmit(session, pdu, 'queue_full');
		session.send(pdu.response({ command_status: smpp.ESME_RMSGQFUL }));
		return;
	}
	if (fault === 'generic_nack') {
		state.generic_nacks++;
		logSubmit(session, pdu, 'generic_nack');
		session.send(new smpp.PDU('generic_nack', {
			sequence_number: pdu.sequence_number, command_status: smpp.ESME_RSYSERR,
		}));
		return;
	}
	if (fault === 'silent') {
		state.silent++;
		logSubmit(session, pdu, 'silent');
		return;
	}
	const rejectWith = state.inject.reject[pdu.destination_addr];
	if (rejectWith) {
		state.rejected++;
		logSubmit(session, pdu, 'rejected');
		session.send(pdu.response({ command_status: smpp[rejectWith] || smpp.ESME_RSYSERR }));
		return;
	}
	if (pdu.data_coding !== 0 && pdu.data_coding !== 8) {
		state.rejected++;
		logSubmit(session, pdu, 'rejected');
		session.send(pdu.response({ command_status: smpp.ESME_RINVDCS }));
		return;
	}
	if (fault === 'lost_answer') {
		state.lost_answers++;
		accept(session, pdu, logSubmit(session, pdu, 'lost_answer'));
		return;
	}
	const entry = logSubmit(session, pdu, 'accepted');
	const messageId = accept(session, pdu, entry);
	if (fault === 'slow') {
		state.slow_answers++;
		entry.slow = true;
		const ms = slowMs;
		setTimeout(() => {
			if (!session.dead) {
				session.send(pdu.response({ message_id: messageId }));
			}
		}, ms);
		return;
	}
	session.send(pdu.response({ message_id: messageId }));
}

function onBind(session, pdu, asReceiver) {
	if (state.inject.bind_fail > 0) {
		state.inject.bind_fail--;
		state.bind_refused++;
		session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
		return;
	}
	if (pdu.system_id !== ACCOUNT.systemId) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVSYSID }));
		return;
	}
	if (pdu.password !== ACCOUNT.password) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
		return;
	}
	session.bound = true;
	session.bindNo = ++bindCounter;
	session.systemId = pdu.system_id;
	state.binds++;
	session.send(pdu.response({ system_id: 'smsdesk-peer' }));
	if (asReceiver) {
		receivers.add(session);
		setImmediate(pumpReceipts);
	}
}

const server = smpp.createServer(function (session) {
	session.unacked = new Map();
	session.bound = false;
	session.dead = false;
	session.on('bind_transceiver', (pdu) => onBind(session, pdu, true));
	session.on('bind_receiver', (pdu) => onBind(session, pdu, true));
	session.on('bind_transmitter', (pdu) => onBind(session, pdu, false));
	session.on('submit_sm', (pdu) => onSubmit(session, pdu));
	session.on('enquire_link', (pdu) => {
		state.enquire_links++;
		if (!session.dead) {
			session.send(pdu.response());
		}
	});
	session.on('unbind', (pdu) => {
		session.send(pdu.response());
		session.close();
	});
	session.on('error', () => { /* the peer hung up: 'close' follows */ });
	session.on('close', () => {
		receivers.delete(session);
		// Receipts sent but never acknowledged go back to the queue for the next bind.
		for (const receipt of session.unacked.values()) {
			pendingReceipts.push(receipt);
		}
		session.unacked.clear();
	});
});

function readJson(req, done) {
	let body = '';
	req.on('data', (chunk) => { body += chunk; });
	req.on('end', () => {
		try {
			done(null, body ? JSON.parse(body) : {});
		} catch (e) {
			done(e);
		}
	});
}

function reply(res, code, obj) {
	const body = JSON.stringify(obj);
	res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

function publicState(withMessages) {
	const out = {
		submits: state.submits,
		accepted_parts: state.accepted_parts,
		messages_count: state.messages.length,
		throttled: state.throttled,
		queue_full: state.queue_full,
		generic_nacks: state.generic_nacks,
		silent: state.silent,
		lost_answers: state.lost_answers,
		slow_answers: state.slow_answers,
		rejected: state.rejected,
		drops: state.drops,
		unbinds: state.unbinds,
		dead_link_submits: state.dead_link_submits,
		bind_refused: state.bind_refused,
		plan_draws: state.plan_draws,
		binds: state.binds,
		enquire_links: state.enquire_links,
		receipts_sent: state.receipts_sent,
		receipts_acked: state.receipts_acked,
		receipts_pending: pendingReceipts.length,
		sessions: server.sessions.length,
	};
	if (withMessages) {
		out.messages = state.messages;
		out.received = state.received;
	}
	return out;
}

function inject(body) {
	for (const key of FAULT_KEYS) {
		if (key in body) {
			state.inject[key] = body[key];
		}
	}
	if (body.reject) {
		Object.assign(state.inject.reject, body.reject);
	}
	if ('plan' in body) {
		state.plan = makePlan(body.plan);
	}
}

const STARTUP_PLAN = argValue('--plan', process.env.SMPP_PEER_PLAN || '');

const control = http.createServer((req, res) => {
	const url = new URL(req.url, 'http://127.0.0.1');
	if (req.method === 'GET' && url.pathname === '/state') {
		reply(res, 200, publicState(url.searchParams.get('messages') !== '0'));
		return;
	}
	if (req.method !== 'POST') {
		reply(res, 404, { error: 'not found' });
		return;
	}
	readJson(req, (err, body) => {
		if (err) {
			reply(res, 400, { error: 'bad json' });
			return;
		}
		if (url.pathname === '/inject') {
			inject(body);
			reply(res, 200, Object.assign({ plan: state.plan && state.plan.seed }, state.inject));
		} else if (url.pathname === '/mo') {
			const text = String(body.text || '');
			const ascii = /^[\x20-\x7e]*$/.test(text);
			pendingReceipts.push({
				source_addr: String(body.source || '').replace(/^\+/, ''),
				destination_addr: String(body.dest || ''),
				esm_class: 0,
				data_coding: ascii ? 0 : 8,
				short_message: ascii ? Buffer.from(text, 'ascii') : Buffer.from(text, 'utf16le').swap16(),
			});
			setImmediate(pumpReceipts);
			reply(res, 200, {});
		} else if (url.pathname === '/outcomes') {
			Object.assign(state.outcomes, body);
			reply(res, 200, state.outcomes);
		} else if (url.pathname === '/reset') {
			resetState();
			pendingReceipts.length = 0; // a test's receipts do not spill into the next one
			if (STARTUP_PLAN) {
				state.plan = makePlan(JSON.parse(STARTUP_PLAN));
			}
			reply(res, 200, {});
		} else {
			reply(res, 404, { error: 'not found' });
		}
	});
});

if (STARTUP_PLAN) {
	state.plan = makePlan(JSON.parse(STARTUP_PLAN));
}

server.listen(0, '127.0.0.1', () => {
	control.listen(0, '127.0.0.1', () => {
		process.stdout.write(JSON.stringify({
			smpp_port: server.address().port,
			control_port: control.address().port,
		}) + '\n');
	});
});

// The test process owns us: when it goes away (stdin closes), so do we.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
