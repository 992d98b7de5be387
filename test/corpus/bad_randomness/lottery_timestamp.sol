// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Lottery {
    address[] public players;

    function enter() external payable {
        require(msg.value == 0.1 ether, "fee");
        players.push(msg.sender);
    }

    function pickWinner() external {
        uint256 idx = uint256(keccak256(abi.encodePacked(block.timestamp, players.length))) % players.length; // @vulnerable: bad_randomness
        payable(players[idx]).transfer(address(this).balance);
        delete players;
    }
}
