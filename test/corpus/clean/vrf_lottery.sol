// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IRandomness {
    function randomWord(uint256 requestId) external view returns (uint256);
}

contract FairLottery {
    address[] public players;
    IRandomness public immutable rng;
    address public immutable operator;
    uint256 public constant MAX_PLAYERS = 100;
    error Full();
    error NotOperator();
    error SendFailed();

    constructor(IRandomness r) { rng = r; operator = msg.sender; }

    function enter() external payable {
        if (players.length >= MAX_PLAYERS) revert Full();
        players.push(msg.sender);
    }

    function draw(uint256 requestId) external {
        if (msg.sender != operator) revert NotOperator();
        address winner = players[rng.randomWord(requestId) % players.length];
        delete players;
        (bool ok, ) = winner.call{value: address(this).balance}("");
        if (!ok) revert SendFailed();
    }
}
