// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Quiz {
    bytes32 public answer;
    address public owner = msg.sender;

    function start(bytes32 h) external payable {
        require(msg.sender == owner);
        answer = h;
    }

    function tryAnswer(string calldata a) external {
        if (keccak256(abi.encode(a)) == answer) { // @vulnerable: front_running
            payable(msg.sender).transfer(address(this).balance);
        }
    }
}
