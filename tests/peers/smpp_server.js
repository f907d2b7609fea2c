'use strict';
// A real SMPP 3.4 server (SMSC) for the smsdesk tests and benchmarks, on 127.0.0.1.
//
// Built on the npm `smpp` package. It binds transceivers (and transmitters/receivers),
// accepts submit_sm in GSM-7 (data_coding 0) or UCS-2 (8), reassembles UDH-concatenated
// parts, answers each with its own message_id, and sends a deliver_sm delivery receipt per
// part ("id:... stat:DELIVRD err:000 ..."). Receipts wait in a queue per system_id until a
// bound receiver acknowledges them, like a real SMSC, so a dropped connection loses none.
//
// A small HTTP control API on another loopback port lets a test read what the server
// received and inject faults:
//   GET  /state            counts + every complete message received (unless ?messages=0)
//   POST /inject           {"throttle": n, "msgqful": n, "drop_after": k,
//                           "reject": {"+33...": "ESME_RINVDSTADR"}}
//   POST /outcomes         {"99": {"stat": "UNDELIV", "err": "001"}, ...} (receiver suffix)
//   POST /reset            forget messages and counters
// Usage: node smpp_server.js [--system-id ID] [--password PW]
// Prints {"smpp_port": N, "control_port": M} on its first stdout line; exits when stdin closes.

const http = require('http');
const smpp = require('smpp');

function argValue(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

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

let state;
function resetState() {
	state = {
		messages: [], // complete messages, in arrival order
		partials: new Map(), // "src|dst|ref|total" -> {parts: [], ids: []}
		submits: 0, // submit_sm PDUs received on a live session
		accepted_parts: 0,
		throttled: 0,
		queue_full: 0,
		rejected: 0,
		drops: 0,
		binds: 0,
		enquire_links: 0,
		receipts_sent: 0,
		receipts_acked: 0,
		inject: { throttle: 0, msgqful: 0, drop_after: 0, reject: {} },
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

function queueReceipt(part) {
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
	});
	setImmediate(pumpReceipts);
}

function pumpReceipts() {
	for (const session of receivers) {
		while (pendingReceipts.length && session.unacked.size < RECEIPT_WINDOW && !session.dead) {
			const receipt = pendingReceipts.shift();
			const pdu = new smpp.PDU('deliver_sm', Object.assign({}, receipt));
			if (!session.send(pdu, onReceiptResp(session, receipt))) {
				pendingReceipts.unshift(receipt);
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

function recordPart(session, pdu, messageId) {
	const text = pdu.short_message && typeof pdu.short_message.message === 'string'
		? pdu.short_message.message : '';
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
		queueReceipt(part);
	}
}

function dropSession(session) {
	session.dead = true;
	state.drops++;
	// end() flushes the responses already written, then closes: what was answered stays answered.
	session.close();
	setTimeout(() => session.destroy(), 200);
}

function onSubmit(session, pdu) {
	if (session.dead) {
		return;
	}
	if (!session.bound) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVBNDSTS }));
		return;
	}
	const inject = state.inject;
	if (inject.drop_after > 0) {
		inject.drop_after--;
		if (inject.drop_after === 0) {
			// This submit and everything after it on this socket is never processed.
			dropSession(session);
			return;
		}
	}
	state.submits++;
	if (inject.throttle > 0) {
		inject.throttle--;
		state.throttled++;
		session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
		return;
	}
	if (inject.msgqful > 0) {
		inject.msgqful--;
		state.queue_full++;
		session.send(pdu.response({ command_status: smpp.ESME_RMSGQFUL }));
		return;
	}
	const rejectWith = inject.reject[pdu.destination_addr];
	if (rejectWith) {
		state.rejected++;
		session.send(pdu.response({ command_status: smpp[rejectWith] || smpp.ESME_RSYSERR }));
		return;
	}
	if (pdu.data_coding !== 0 && pdu.data_coding !== 8) {
		state.rejected++;
		session.send(pdu.response({ command_status: smpp.ESME_RINVDCS }));
		return;
	}
	const messageId = (nextMessageId++).toString(16).toUpperCase();
	session.send(pdu.response({ message_id: messageId }));
	recordPart(session, pdu, messageId);
}

function onBind(session, pdu, asReceiver) {
	if (pdu.system_id !== ACCOUNT.systemId) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVSYSID }));
		return;
	}
	if (pdu.password !== ACCOUNT.password) {
		session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
		return;
	}
	session.bound = true;
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
		rejected: state.rejected,
		drops: state.drops,
		binds: state.binds,
		enquire_links: state.enquire_links,
		receipts_sent: state.receipts_sent,
		receipts_acked: state.receipts_acked,
		receipts_pending: pendingReceipts.length,
		sessions: server.sessions.length,
	};
	if (withMessages) {
		out.messages = state.messages;
	}
	return out;
}

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
			for (const key of ['throttle', 'msgqful', 'drop_after']) {
				if (key in body) {
					state.inject[key] = body[key];
				}
			}
			if (body.reject) {
				Object.assign(state.inject.reject, body.reject);
			}
			reply(res, 200, state.inject);
		} else if (url.pathname === '/outcomes') {
			Object.assign(state.outcomes, body);
			reply(res, 200, state.outcomes);
		} else if (url.pathname === '/reset') {
			resetState();
			reply(res, 200, {});
		} else {
			reply(res, 404, { error: 'not found' });
		}
	});
});

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
