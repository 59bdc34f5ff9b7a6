// A stand-in for smart_rtmpd in the streaming test, whose vendor ships the
// real program only as a prebuilt archive that the test machines cannot
// download. Like the real one it is a C++ program (it needs libstdc++ at run
// time), started from /opt/smart_rtmpd, that reads config.xml there. It
// listens on the TCP port of <rtmp_port>N</rtmp_port> (our own element, not
// the vendor's format) and answers the RTMP handshake: C0 and C1 in, S0, S1
// and S2 (the echo of C1) out, then C2 in; each step is logged on stdout. It
// is not a streaming server.
//
// Build: g++ -std=c++17 -O2 -Wall -Wextra -Werror -pthread -o smart_rtmpd smart_rtmpd_standin.cpp

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr std::size_t kHandshakeSize = 1536;
constexpr unsigned char kRtmpVersion = 3;
std::mutex log_mutex;

void log_line(const std::string &text)
{
	std::lock_guard<std::mutex> lock(log_mutex);
	std::cout << "smart_rtmpd stand-in: " << text << std::endl;
}

// The port of <rtmp_port> in the configuration file; 1935 without one.
int config_port(const std::string &path)
{
	std::ifstream in(path);
	if (!in) {
		log_line("no " + path + ", using port 1935");
		return 1935;
	}
	std::stringstream text;
	text << in.rdbuf();
	std::smatch m;
	const std::string s = text.str();
	if (std::regex_search(s, m, std::regex("<rtmp_port>\\s*([0-9]+)\\s*</rtmp_port>")))
		return std::stoi(m[1]);
	log_line(path + " has no <rtmp_port>, using port 1935");
	return 1935;
}

bool read_full(int fd, unsigned char *buf, std::size_t n)
{
	while (n > 0) {
		ssize_t got = read(fd, buf, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		buf += got;
		n -= static_cast<std::size_t>(got);
	}
	return true;
}

bool write_full(int fd, const unsigned char *buf, std::size_t n)
{
	while (n > 0) {
		ssize_t put = write(fd, buf, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0)
			return false;
		buf += put;
		n -= static_cast<std::size_t>(put);
	}
	return true;
}

void serve(int fd, const std::string &peer)
{
	std::vector<unsigned char> c0c1(1 + kHandshakeSize);
	std::vector<unsigned char> reply(1 + 2 * kHandshakeSize);
	std::vector<unsigned char> c2(kHandshakeSize);
	if (!read_full(fd, c0c1.data(), c0c1.size())) {
		log_line(peer + ": closed before C0+C1");
	} else if (c0c1[0] != kRtmpVersion) {
		log_line(peer + ": RTMP version " + std::to_string(c0c1[0]) + " refused");
	} else {
		// S0: the version; S1: time 0, zero, random bytes; S2: C1 echoed.
		std::random_device rd;
		std::mt19937 gen(rd());
		std::uniform_int_distribution<int> byte(0, 255);
		reply[0] = kRtmpVersion;
		for (std::size_t i = 9; i <= kHandshakeSize; i++)
			reply[i] = static_cast<unsigned char>(byte(gen));
		std::memcpy(&reply[1 + kHandshakeSize], &c0c1[1], kHandshakeSize);
		if (!write_full(fd, reply.data(), reply.size()))
			log_line(peer + ": could not send S0+S1+S2");
		else if (!read_full(fd, c2.data(), c2.size()))
			log_line(peer + ": closed before C2");
		else if (std::memcmp(c2.data(), &reply[1], kHandshakeSize) != 0)
			log_line(peer + ": C2 is not the echo of S1");
		else
			log_line(peer + ": handshake done");
	}
	close(fd);
}

} // namespace

int main()
{
	const int port = config_port("config.xml");
	int listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0) {
		std::cerr << "socket: " << std::strerror(errno) << std::endl;
		return 1;
	}
	int on = 1;
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
	sockaddr_in addr{};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	addr.sin_port = htons(static_cast<uint16_t>(port));
	if (bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 ||
	    listen(listener, 16) < 0) {
		std::cerr << "port " << port << ": " << std::strerror(errno) << std::endl;
		return 1;
	}
	log_line("listening on port " + std::to_string(port));
	for (;;) {
		sockaddr_in from{};
		socklen_t len = sizeof from;
		int fd = accept(listener, reinterpret_cast<sockaddr *>(&from), &len);
		if (fd < 0) {
			if (errno == EINTR)
				continue;
			std::cerr << "accept: " << std::strerror(errno) << std::endl;
			return 1;
		}
		char name[INET_ADDRSTRLEN] = "?";
		inet_ntop(AF_INET, &from.sin_addr, name, sizeof name);
		std::thread(serve, fd, std::string(name) + ":" + std::to_string(ntohs(from.sin_port)))
			.detach();
	}
}
