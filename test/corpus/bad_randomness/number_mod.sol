// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Giveaway {
    address[] public list;

    function add() external { list.push(msg.sender); }

    function winner() external view returns (address) {
        return list[block.number % list.length]; // @vulnerable: bad_randomness
    }
}
